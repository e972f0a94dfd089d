/**
 * The socket.io namespace `/console`. A connection proves itself with its token, then joins exactly two rooms: its
 * own org unit's and its session's. A change in unit U is emitted to the rooms of U and of every unit above it, so
 * it reaches every console whose scope contains U and no other.
 */
import type { Namespace, Server, Socket } from 'socket.io';
import { HUB_SOCKET_NAMESPACE, hubSocket, type HubSocketEvent } from '../../common/contract.js';
import { GridCommandError } from '../../common/errors.js';
import { lineageOf } from '../../common/org.js';
import { scopeCodeOf } from '../../common/scope-policy.js';
import type { z } from 'zod';
import type { AuthService, AuthenticatedSession } from '../auth/auth-service.js';

const unitRoom = (code: string) => `unit:${code}`;
const sessionRoom = (id: string) => `session:${id}`;
const MAX_TIMER_MS = 2 ** 31 - 1;
/** How often the sockets' identities are re-checked when the auth version moved (a change made in the database). */
const SWEEP_MS = 1000;

export class ConsoleRealtime {
  readonly namespace: Namespace;
  private readonly sweeper: NodeJS.Timeout;
  private sweptVersion: number;

  constructor(
    io: Server,
    private readonly auth: AuthService,
    private readonly now: () => number,
  ) {
    // The default namespace `/` always exists in socket.io and would take any socket, token or not; nothing is
    // served there, so every connection to it is refused (other unknown namespaces are refused by socket.io).
    io.of('/').use((_socket, next) => {
      const refused = new Error('not_found') as Error & { data?: unknown };
      refused.data = { code: 'not_found' };
      next(refused);
    });
    this.namespace = io.of(HUB_SOCKET_NAMESPACE);
    this.namespace.use((socket, next) => {
      try {
        const token = (socket.handshake.auth as { token?: unknown }).token;
        socket.data.session = this.auth.authenticate(typeof token === 'string' ? token : undefined);
        next();
      } catch (err) {
        const failure = new Error(err instanceof Error ? err.message : 'unauthenticated') as Error & { data?: unknown };
        failure.data = { code: err instanceof GridCommandError ? err.code : 'unauthenticated' };
        next(failure);
      }
    });
    this.namespace.on('connection', (socket) => this.onConnection(socket));
    this.auth.onUserChanged((userId, reason) => this.endUser(userId, reason));
    this.sweptVersion = this.auth.version();
    this.sweeper = setInterval(() => this.sweep(), SWEEP_MS);
    this.sweeper.unref();
  }

  close(): void {
    clearInterval(this.sweeper);
  }

  /**
   * A user or session changed by any path (the auth version moved): each socket's token is checked again, and a
   * socket whose session is no longer valid, or whose user is now someone else (unit, role), is ended.
   */
  private sweep(): void {
    const version = this.auth.version();
    if (version === this.sweptVersion) return;
    this.sweptVersion = version;
    for (const socket of this.namespace.sockets.values()) {
      const was = socket.data.session as AuthenticatedSession;
      const token = (socket.handshake.auth as { token?: unknown }).token;
      try {
        const now = this.auth.authenticate(typeof token === 'string' ? token : undefined);
        if (scopeCodeOf(now.user) !== scopeCodeOf(was.user) || now.user.role !== was.user.role) {
          this.endSocket(socket, 'revoked');
        }
      } catch (err) {
        this.endSocket(socket, err instanceof GridCommandError && err.code === 'token_expired' ? 'expired' : 'revoked');
      }
    }
  }

  /** Ends every socket of a user (their sessions are revoked by the caller). */
  endUser(userId: string, reason: 'expired' | 'revoked' | 'logout'): void {
    for (const socket of this.namespace.sockets.values()) {
      if ((socket.data.session as AuthenticatedSession).user.id === userId) this.endSocket(socket, reason);
    }
  }

  private onConnection(socket: Socket): void {
    const session = socket.data.session as AuthenticatedSession;
    // A department officer's room is its department's (scope-policy `scopeCodeOf`).
    void socket.join([unitRoom(scopeCodeOf(session.user)), sessionRoom(session.sessionId)]);
    // The socket must not outlive its token.
    const timer = setTimeout(
      () => this.endSocket(socket, 'expired'),
      Math.min(MAX_TIMER_MS, Math.max(0, session.expiresAt - this.now())),
    );
    socket.on('disconnect', () => clearTimeout(timer));
  }

  private endSocket(socket: Socket, reason: 'expired' | 'revoked' | 'logout'): void {
    socket.emit('session.ended', hubSocket['session.ended'].parse({ reason }));
    socket.disconnect(true);
  }

  /** Push to every console whose scope contains `unitCode`. The payload is checked against the contract first. */
  publishScoped<E extends HubSocketEvent>(unitCode: string, event: E, payload: z.input<(typeof hubSocket)[E]>): void {
    this.publishToUnits([unitCode], event, payload);
  }

  /** Push to every console whose scope contains any of the units; a console in several rooms gets it once. */
  publishToUnits<E extends HubSocketEvent>(
    unitCodes: readonly string[],
    event: E,
    payload: z.input<(typeof hubSocket)[E]>,
  ): void {
    const checked = hubSocket[event].parse(payload);
    const rooms = new Set(unitCodes.flatMap((code) => lineageOf(code).map(unitRoom)));
    this.namespace.to([...rooms]).emit(event, checked);
  }

  /**
   * Push to the consoles of exactly these units (not the units above them): an alert for a room is that room's
   * business, not its parents'. The payload is checked against the contract first.
   */
  publishToRooms<E extends HubSocketEvent>(
    unitCodes: readonly string[],
    event: E,
    payload: z.input<(typeof hubSocket)[E]>,
  ): void {
    const checked = hubSocket[event].parse(payload);
    this.namespace.to([...new Set(unitCodes)].map(unitRoom)).emit(event, checked);
  }

  /** Tell a session's sockets it is over, and close them. */
  endSession(sessionId: string, reason: 'expired' | 'revoked' | 'logout'): void {
    for (const socket of this.namespace.sockets.values()) {
      if ((socket.data.session as AuthenticatedSession).sessionId === sessionId) this.endSocket(socket, reason);
    }
  }
}
