/**
 * The web host's browser sessions. A console service (hub token, socket, store) exists only between a successful
 * login and its end: logout, the hub ending the session (token expiry, revocation), or the idle timeout (no call
 * and no open event stream for `idleTimeoutMs`). Their number is bounded: beyond `maxSessions` a login is refused
 * with `web_sessions_full`. Before login a browser holds only a random cookie id that costs the host nothing; its
 * event streams wait here under that id and join the console service when that browser signs in.
 */
import { randomBytes } from 'node:crypto';
import type { ConsolePushName } from '../../common/contract.js';
import { ConsoleService, type PushListener } from '../console-service.js';
import type { HubHealthProbe } from '../hub-health.js';

export interface ConsoleSessionOptions {
  readonly hubUrl: string;
  readonly storePath?: string;
  readonly healthProbe: HubHealthProbe;
  readonly idleTimeoutMs: number;
  readonly maxSessions: number;
}

/** An open event stream: it hears pushes and is ended when its session ends. */
export interface EventStream {
  readonly send: PushListener;
  readonly end: () => void;
}

interface Session {
  readonly service: ConsoleService;
  lastUsed: number;
  readonly streams: Set<EventStream>;
}

export const newSessionId = (): string => randomBytes(32).toString('base64url');

export class ConsoleSessions {
  private readonly sessions = new Map<string, Session>();
  /** Event streams of browsers not signed in, by cookie id: they hear only the shared connection status. */
  private readonly waiting = new Map<string, Set<EventStream>>();
  /** Answers the calls of browsers not signed in (session.current → null, connection.status); never signs in. */
  readonly anonymous: ConsoleService;
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly options: ConsoleSessionOptions) {
    this.anonymous = new ConsoleService({ hubUrl: options.hubUrl, healthProbe: options.healthProbe });
    this.anonymous.onPush((push, payload) => {
      for (const streams of this.waiting.values()) for (const stream of streams) stream.send(push, payload);
    });
    this.sweeper = setInterval(() => this.sweep(), Math.max(50, Math.min(60_000, options.idleTimeoutMs / 4)));
    this.sweeper.unref();
  }

  get size(): number {
    return this.sessions.size;
  }

  get full(): boolean {
    return this.sessions.size >= this.options.maxSessions;
  }

  /** The signed-in console service behind a cookie id, marked as used now. */
  use(id: string | undefined): ConsoleService | null {
    const session = id === undefined ? undefined : this.sessions.get(id);
    if (!session) return null;
    session.lastUsed = Date.now();
    return session.service;
  }

  /** A fresh console service for a login attempt; `admit` it if the login succeeds, else `discard` it. */
  candidate(): ConsoleService {
    return new ConsoleService({
      hubUrl: this.options.hubUrl,
      storePath: this.options.storePath,
      healthProbe: this.options.healthProbe,
    });
  }

  discard(service: ConsoleService): void {
    service.close();
  }

  /** Registers a signed-in service under a new id; the browser's waiting streams (under its old id) join it. */
  admit(service: ConsoleService, previousId: string | undefined): string {
    const id = newSessionId();
    const session: Session = { service, lastUsed: Date.now(), streams: new Set() };
    this.sessions.set(id, session);
    service.onPush((push: ConsolePushName, payload) => {
      for (const stream of session.streams) stream.send(push, payload);
      // The hub ended it (expiry, revocation) or the user signed out: the streams hear it first, then it is freed.
      if (push === 'session.ended') setImmediate(() => this.end(id));
    });
    const waiting = previousId === undefined ? undefined : this.waiting.get(previousId);
    if (waiting) {
      this.waiting.delete(previousId!);
      waiting.forEach((stream) => session.streams.add(stream));
    }
    return id;
  }

  /** Attaches an event stream to the session of `id`, or lets it wait (not signed in). Returns its detach. */
  attach(id: string, stream: EventStream): () => void {
    const session = this.sessions.get(id);
    const set = session?.streams ?? this.waiting.get(id) ?? new Set<EventStream>();
    if (!session) this.waiting.set(id, set);
    set.add(stream);
    return () => {
      // The stream may have moved from waiting to a session since; the idle clock restarts when it closes.
      for (const s of this.sessions.values()) if (s.streams.delete(stream)) s.lastUsed = Date.now();
      const still = this.waiting.get(id);
      still?.delete(stream);
      if (still?.size === 0) this.waiting.delete(id);
    };
  }

  /** Frees the session: its service closes (socket, hub token in memory) and its streams end. */
  end(id: string, signOut = false): void {
    const session = this.sessions.get(id);
    if (!session) return;
    this.sessions.delete(id);
    const { service } = session;
    // Signing out revokes the hub token, so a freed session leaves nothing usable behind at the hub either.
    if (signOut) void service.handlers['session.logout']({}).finally(() => service.close());
    else service.close();
    session.streams.forEach((stream) => stream.end());
  }

  close(): void {
    clearInterval(this.sweeper);
    [...this.sessions.keys()].forEach((id) => this.end(id));
    for (const streams of this.waiting.values()) streams.forEach((stream) => stream.end());
    this.waiting.clear();
    this.anonymous.close();
  }

  /** An idle session (no call and no open stream for the timeout) signs out at the hub and is freed. */
  private sweep(): void {
    const cutoff = Date.now() - this.options.idleTimeoutMs;
    for (const [id, session] of this.sessions) {
      if (session.streams.size === 0 && session.lastUsed <= cutoff) this.end(id, true);
    }
  }
}
