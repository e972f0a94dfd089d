/**
 * One light probe of the hub's /health for everyone who wants to know whether the hub answers: a console service
 * without a socket, or every browser session of a web host at once. It polls only while someone listens, one
 * request per interval however many listen, so the hub's load does not grow with the number of consoles.
 */
import type { HubClient } from './hub-client.js';

export type HubHealth = { readonly ok: true } | { readonly ok: false; readonly error: string };
type Listener = (health: HubHealth) => void;

export class HubHealthProbe {
  private readonly listeners = new Set<Listener>();
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private last: HubHealth | null = null;
  /** Requests sent to the hub so far (for tests and benches). */
  probes = 0;

  constructor(
    private readonly hub: HubClient,
    private readonly intervalMs = 5000,
  ) {}

  /** The listener hears the last answer at once (if any), then every new one, until it unsubscribes. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    if (this.last) listener(this.last);
    if (!this.timer && !this.running) void this.tick();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0 && this.timer) {
        clearTimeout(this.timer);
        this.timer = null;
      }
    };
  }

  close(): void {
    this.listeners.clear();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private async tick(): Promise<void> {
    this.timer = null;
    this.running = true;
    this.probes += 1;
    try {
      await this.hub.call('health');
      this.last = { ok: true };
    } catch (err) {
      this.last = { ok: false, error: err instanceof Error ? err.message : String(err) };
    }
    this.running = false;
    for (const listener of [...this.listeners]) listener(this.last);
    if (this.listeners.size > 0) this.timer = setTimeout(() => void this.tick(), this.intervalMs);
  }
}
