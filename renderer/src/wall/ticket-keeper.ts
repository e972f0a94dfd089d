/**
 * A player's stream ticket (docs/video.md, "Playing"): the token of the last ticket, which the player's xhrSetup
 * swaps into every later request, and its refresh at ~80 % of its life — no reload, no black frame. A refresh the
 * hub refuses (scope lost, grant ended) stops the tile; one that fails otherwise is tried again while the current
 * token still holds.
 */
import type { StreamTicket } from '../../../common/video-schemas.js';
import { classifyFailure, refreshDelay, tokenOf, type TileState } from './tile-state.js';

const RETRY_MS = 15_000;

export const codeOf = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string'
    ? (error as { code: string }).code
    : undefined;

export class TicketKeeper {
  token: string | null = null;
  expiresAt = 0;
  private issuedAt = 0;
  private attempt = 0;
  private epoch = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly ask: () => Promise<StreamTicket>,
    private readonly onRefused: (state: TileState) => void,
    /** A refreshed ticket was accepted (a player that cannot swap tokens in rebuilds with it). */
    private readonly onRenewed: (ticket: StreamTicket) => void = () => undefined,
  ) {}

  accept(ticket: StreamTicket): void {
    this.token = tokenOf(ticket.url);
    this.issuedAt = Date.now();
    this.expiresAt = Date.parse(ticket.expiresAt) || this.issuedAt + 60_000;
    this.attempt = 0;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), refreshDelay(this.issuedAt, this.expiresAt, Date.now()));
  }

  /** Within 10 s of expiry (a tile shown again after a while). */
  nearExpiry(now = Date.now()): boolean {
    return now > this.expiresAt - 10_000;
  }

  /** A new ticket for the same camera now; its token goes into the running player's next requests. */
  async refresh(): Promise<void> {
    const epoch = this.epoch;
    clearTimeout(this.timer);
    try {
      const ticket = await this.ask();
      if (epoch === this.epoch) {
        this.accept(ticket);
        this.onRenewed(ticket);
      }
    } catch (error) {
      if (epoch !== this.epoch) return;
      const action = classifyFailure({ status: 0, code: codeOf(error), attempt: this.attempt++ });
      if (action.kind === 'stop') this.onRefused(action.state);
      else if (Date.now() < this.expiresAt) this.timer = setTimeout(() => void this.refresh(), RETRY_MS);
    }
  }

  /** Forget the schedule (the player is rebuilt or destroyed); a refresh on its way is then ignored. */
  reset(): void {
    this.epoch++;
    clearTimeout(this.timer);
  }
}
