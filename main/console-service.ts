/**
 * The console service: implements the console contract against the hub. Plain Node (no Electron), so it runs
 * under Electron's main process, under the web host, and in tests alike. It holds the hub token; the renderer
 * only ever gets users, units, cameras and statuses.
 */
import { io, type Socket } from 'socket.io-client';
import {
  HUB_SOCKET_NAMESPACE,
  hubSocket,
  type CallRequest,
  type CallResponse,
  type ConsoleCallName,
  type ConsolePushName,
  type PushPayload,
} from '../common/contract.js';
import { GridCommandError } from '../common/errors.js';
import { CONSOLE_ROLES } from '../common/roles.js';
import type { ConnectionStatus, User } from '../common/schemas.js';
import { HubClient } from './hub-client.js';
import { HubHealthProbe, type HubHealth } from './hub-health.js';
import { OfflineConsole } from './local-store/offline-console.js';
import { fetchMapEvents } from './map/hub-map-events.js';
import { evidenceHandlers } from './evidence/evidence-calls.js';
import type { PaperViewer } from './paper/hub-paper.js';
import { paperHandlers } from './paper/paper-calls.js';
import { definedOnly } from './defined-only.js';
import { straightThroughHandlers } from './straight-through-calls.js';
import { WallCalls, type WallDisplayHost } from './wall-calls.js';

export type { WallDisplayHost } from './wall-calls.js';

export type PushListener = <K extends ConsolePushName>(push: K, payload: PushPayload<K>) => void;

type Handlers = { [K in ConsoleCallName]: (request: CallResponseInput<K>) => Promise<CallResponse<K>> };
type CallResponseInput<K extends ConsoleCallName> = CallRequest<K>;

export interface ConsoleServiceOptions {
  readonly hubUrl: string;
  /** How often to probe the hub while no socket is up. */
  readonly healthIntervalMs?: number;
  /** The console's own store (main/local-store/: offline cache + outbox); none: every call goes to the hub. */
  readonly storePath?: string;
  /** better-sqlite3 built for the running ABI (Electron's) for that store, as for the embedded hub. */
  readonly nativeBinding?: string;
  /** A probe shared with other console services of the same hub (the web host's); none: this service's own. */
  readonly healthProbe?: HubHealthProbe;
}

/** The audit filter as a query string (undefined fields left out). */
function auditQuery(filter: CallRequest<'audit.views'>): Record<string, string | number> {
  return definedOnly(filter) as Record<string, string | number>;
}

export class ConsoleService {
  private readonly hub: HubClient;
  private readonly listeners = new Set<PushListener>();
  private session: { token: string; user: User } | null = null;
  private socket: Socket | null = null;
  private status: ConnectionStatus;
  private readonly health: HubHealthProbe;
  private readonly ownHealthProbe: boolean;
  private stopHealth: (() => void) | null = null;
  private closed = false;
  /** The last case change this console has seen; after a reconnect it catches up from here. */
  private lastCaseSeq = 0;
  /** Layouts, monitors and what the wall shows (main/wall-calls.ts). */
  private readonly wall = new WallCalls(
    () => this.hub,
    () => this.requireToken(),
    (push, payload) => this.emit(push, payload),
  );
  private paperViewer: PaperViewer | null = null;
  private readonly offline: OfflineConsole;
  /** Live case pushes held back while a catch-up runs, so that changes are forwarded in sequence order. */
  private heldChanges: Array<PushPayload<'case.changed'>> | null = null;

  constructor(private readonly options: ConsoleServiceOptions) {
    this.hub = new HubClient(options.hubUrl);
    this.status = { state: 'connecting', hubUrl: options.hubUrl, since: new Date().toISOString() };
    this.offline = new OfflineConsole(options, this.hub, {
      hubDown: () => this.status.state === 'offline' && !this.socket?.connected,
      linkLost: (message) => this.setStatus('offline', message),
      linkOk: () => {
        if (this.status.state !== 'online' && this.socket?.connected) this.setStatus('online');
      },
      changed: () => this.setStatus(this.status.state, this.status.lastError),
      emitRefused: (payload) => this.emit('outbox.refused', payload),
    });
    this.ownHealthProbe = !options.healthProbe;
    this.health = options.healthProbe ?? new HubHealthProbe(this.hub, options.healthIntervalMs ?? 5000);
    this.listenToHealth();
  }

  readonly handlers: Handlers = {
    'session.login': async ({ username, password }) => {
      const { token, user } = await this.hub.call('login', { body: { username, password } });
      if (!CONSOLE_ROLES.includes(user.role)) {
        await this.hub.call('logout', { token }).catch(logoutNotConfirmed);
        throw new GridCommandError('not_console_role', 'this account cannot use the console');
      }
      this.endSession();
      this.startSession(token, user);
      return user;
    },
    /**
     * The hub ends every session of the user (sockets too) and answers a new one: this console lets its socket go
     * first, so the hub's `session.ended` for the old session does not sign this console out, and carries on with
     * the new token. Refused (wrong current password, policy): the old session is still live and picked up again.
     */
    'session.changePassword': async (body) => {
      const current = this.session;
      if (!current) throw new GridCommandError('unauthenticated', 'please log in');
      this.endSession();
      try {
        const { token, user } = await this.hub.call('changePassword', { token: current.token, body });
        this.startSession(token, user);
        return user;
      } catch (err) {
        this.startSession(current.token, current.user);
        throw err;
      }
    },
    'session.logout': async () => {
      const token = this.session?.token;
      this.endSession();
      if (token) await this.hub.call('logout', { token }).catch(logoutNotConfirmed);
      // Every window (or browser tab) sharing this console service goes back to the login page.
      if (token) this.emit('session.ended', { reason: 'logout' });
      return { ok: true as const };
    },
    'session.current': async () => this.session?.user ?? null,
    'connection.status': async () => this.status,
    // These four answer from the console's store while the hub is unreachable (main/local-store/).
    'org.units': async () => this.offline.orgUnits(this.requireToken()),
    'cameras.list': async () => this.offline.cameras(this.requireToken()),
    'cases.board': async () => {
      const { page, reset } = await this.offline.board(this.requireToken(), this.lastCaseSeq);
      this.lastCaseSeq = reset ? page.lastSeq : Math.max(this.lastCaseSeq, page.lastSeq);
      return page;
    },
    'cases.get': async ({ caseId }) => this.offline.caseDetail(this.requireToken(), caseId),
    // Moves and reports go through the outbox when the hub is unreachable (or older offline writes still wait).
    'cases.move': async (call) => this.offline.move(this.requireToken(), call),
    'stats.kpis': async (query) =>
      this.hub.call('kpis', {
        token: this.requireToken(),
        query: { from: query.from, to: query.to, ...(query.orgUnit ? { orgUnit: query.orgUnit } : {}) },
      }),
    'cases.report': async (call) => this.offline.report(this.requireToken(), call),
    // The verifying desk (common/contract-desk.ts): live from the hub only — suggestions are about what is open now.
    'cases.duplicates': async ({ caseId }) =>
      this.hub.call('caseDuplicates', { token: this.requireToken(), params: { caseId } }),
    'cases.duplicateCounts': async () => this.hub.call('duplicateCounts', { token: this.requireToken() }),
    'outbox.list': async () => ({ items: this.requireToken() ? this.offline.list() : [] }),
    'outbox.dismiss': async ({ id }) => {
      this.requireToken();
      this.offline.dismiss(id);
      return { ok: true as const };
    },
    // The URL carries a short-lived stream token bound to this session, camera and machine, never the hub token.
    'cameras.stream': async ({ cameraId, ...body }) =>
      this.hub.call('cameraStream', { token: this.requireToken(), params: { id: cameraId }, body }),
    'audit.views': async (filter) =>
      this.hub.call('auditViews', { token: this.requireToken(), query: auditQuery(filter) }),
    // Bytes straight through: the hub's binary body is never turned into objects on the way to the renderer.
    'map.events': async (request) => fetchMapEvents(this.options.hubUrl, this.requireToken(), request),
    'map.boundaries': async () => (await this.hub.call('mapBoundaries', { token: this.requireToken() })).items,
    ...this.wall.handlers(),
    // PDFs rendered by the hub (main/paper/paper-calls.ts).
    ...paperHandlers(
      () => this.options.hubUrl,
      () => this.requireToken(),
      () => this.paperViewer,
    ),
    // A case's evidence (issue 15 §2): the hub checks scope on every call; bytes travel raw to and from the hub.
    // A case's attachments (main/evidence/evidence-calls.ts): the bytes travel as their own HTTP bodies.
    ...evidenceHandlers(
      () => this.hub,
      () => this.options.hubUrl,
      () => this.requireToken(),
    ),
    // Admin, reference, shift, roles, search, PTZ, recording (main/straight-through-calls.ts).
    ...straightThroughHandlers(
      () => this.hub,
      () => this.requireToken(),
    ),
  };

  /**
   * A session with a one-time password may do nothing but change it: no socket, no offline store until then (the hub
   * would refuse both).
   */
  private startSession(token: string, user: User): void {
    this.session = { token, user };
    if (user.mustChangePassword) return;
    this.lastCaseSeq = this.offline.beginSession(user, token);
    this.connectSocket(token);
  }

  /** Electron's main process lends its monitors and windows here (main/electron/ipc-binding.ts). */
  setWallDisplayHost(host: WallDisplayHost | null): void {
    this.wall.setDisplayHost(host);
  }

  /** Electron's main process opens PDFs in the system viewer (main/electron/paper-viewer.ts); the web host has none. */
  setPaperViewer(viewer: PaperViewer | null): void {
    this.paperViewer = viewer;
  }

  onPush(listener: PushListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get connection(): ConnectionStatus {
    return this.status;
  }

  close(): void {
    this.closed = true;
    this.endSession();
    this.stopHealth?.();
    this.stopHealth = null;
    if (this.ownHealthProbe) this.health.close();
    this.listeners.clear();
    this.offline.close();
  }

  private requireToken(): string {
    if (!this.session) throw new GridCommandError('unauthenticated', 'please log in');
    return this.session.token;
  }

  private emit<K extends ConsolePushName>(push: K, payload: PushPayload<K>): void {
    for (const listener of this.listeners) listener(push, payload);
  }

  private setStatus(state: ConnectionStatus['state'], lastError?: string): void {
    // Until the link dropped, the socket kept the store current: that is the "offline data as of" time.
    if (this.status.state === 'online' && state !== 'online') this.offline.linkDropped();
    const extras = this.offline.statusExtras(state);
    const same = state === this.status.state && lastError === this.status.lastError;
    const { cachedAt, outbox } = this.status;
    if (same && extras.cachedAt === cachedAt && JSON.stringify(extras.outbox) === JSON.stringify(outbox)) return;
    this.status = {
      state,
      hubUrl: this.options.hubUrl,
      since: same ? this.status.since : new Date().toISOString(),
      ...(lastError ? { lastError } : {}),
      ...extras,
    };
    this.emit('connection.changed', this.status);
  }

  /** While no socket carries the link, the (possibly shared) health probe keeps the status honest. */
  private listenToHealth(): void {
    if (this.closed || this.stopHealth) return;
    this.stopHealth = this.health.subscribe((health: HubHealth) => {
      if (this.socket) return;
      if (health.ok) this.setStatus('online');
      else this.setStatus('offline', health.error);
    });
  }

  private connectSocket(token: string): void {
    const socket = io(new URL(HUB_SOCKET_NAMESPACE, this.options.hubUrl).toString(), {
      auth: { token },
      transports: ['websocket'],
      reconnectionDelay: 500,
      // After a long partition the backoff sits at its ceiling (± 50 % jitter): 2 s keeps "link back → board
      // current" within the 5 s target (bench/remote-console.ts: 9.8 s with 5 s), and still spreads a county's
      // consoles over 1–3 s when the hub restarts.
      reconnectionDelayMax: 2000,
    });
    this.socket = socket;
    // The socket tells the link's state from now on; the health probe is for when there is none.
    this.stopHealth?.();
    this.stopHealth = null;
    // Not online until the socket is in its rooms: a push sent before then would be missed.
    this.setStatus('connecting');
    socket.on('connect', () => {
      this.setStatus('online');
      void this.catchUpCases();
    });
    socket.on('disconnect', (reason) => {
      if (this.socket === socket) this.setStatus(reason === 'io client disconnect' ? 'online' : 'offline', reason);
    });
    socket.on('connect_error', (err: Error & { data?: { code?: string } }) => {
      const code = err.data?.code;
      if (code === 'token_expired' || code === 'unauthenticated') {
        this.endSession();
        this.emit('session.ended', { reason: code === 'token_expired' ? 'expired' : 'revoked' });
      } else {
        this.setStatus('offline', err.message);
      }
    });
    socket.on('camera.status', (payload: unknown) => {
      const parsed = hubSocket['camera.status'].safeParse(payload);
      if (parsed.success) this.emit('camera.status', parsed.data);
    });
    socket.on('case.changed', (payload: unknown) => {
      const parsed = hubSocket['case.changed'].safeParse(payload);
      if (parsed.success && this.heldChanges) this.heldChanges.push(parsed.data);
      else if (parsed.success) this.forwardCaseChange(parsed.data);
    });
    socket.on('case.attachment', (payload: unknown) => {
      const parsed = hubSocket['case.attachment'].safeParse(payload);
      if (parsed.success) this.emit('case.attachment', parsed.data);
    });
    socket.on('alert.raised', (payload: unknown) => {
      const parsed = hubSocket['alert.raised'].safeParse(payload);
      if (parsed.success) this.emit('alert.raised', parsed.data);
    });
    socket.on('session.ended', (payload: unknown) => {
      const parsed = hubSocket['session.ended'].safeParse(payload);
      this.endSession();
      this.emit('session.ended', parsed.success ? parsed.data : { reason: 'revoked' });
    });
  }

  private forwardCaseChange(change: PushPayload<'case.changed'>, stored = false): void {
    if (change.seq <= this.lastCaseSeq) return; // already seen (a catch-up and a push can overlap)
    this.lastCaseSeq = change.seq;
    if (!stored) this.offline.recordChanges([change]);
    this.emit('case.changed', change);
  }

  /** After a (re)connect: what changed while away (pushes meanwhile wait their turn), then the outbox. */
  private async catchUpCases(): Promise<void> {
    const token = this.session?.token;
    if (!token) return;
    const held: Array<PushPayload<'case.changed'>> = (this.heldChanges = []);
    try {
      await this.offline.catchUp(token, this.lastCaseSeq, (changes) =>
        changes.forEach((change) => this.forwardCaseChange(change, true)),
      );
    } catch (err) {
      // The socket's next reconnect tries again.
      console.warn(`console service: catch-up after reconnect failed (${messageOf(err)}); retried on next reconnect`);
    }
    if (this.heldChanges !== held) return; // signed out (or reconnected) meanwhile
    this.heldChanges = null;
    held.sort((a, b) => a.seq - b.seq).forEach((change) => this.forwardCaseChange(change));
    await this.offline.replay();
  }

  private endSession(): void {
    this.lastCaseSeq = 0;
    this.heldChanges = null;
    this.offline.endSession();
    this.wall.forget();
    this.session = null;
    const socket = this.socket;
    this.socket = null;
    socket?.removeAllListeners();
    socket?.disconnect();
    this.listenToHealth();
  }
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The local session ends regardless; the hub token then lapses at its expiry, so this is only worth a warning. */
function logoutNotConfirmed(err: unknown): void {
  console.warn(`console service: the hub did not confirm the logout (${messageOf(err)}); its token expires on its own`);
}
