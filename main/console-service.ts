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

export type PushListener = <K extends ConsolePushName>(push: K, payload: PushPayload<K>) => void;

type Handlers = { [K in ConsoleCallName]: (request: CallResponseInput<K>) => Promise<CallResponse<K>> };
type CallResponseInput<K extends ConsoleCallName> = CallRequest<K>;

export interface ConsoleServiceOptions {
  readonly hubUrl: string;
  /** How often to probe the hub while no socket is up. */
  readonly healthIntervalMs?: number;
}

/** The audit filter as a query string (undefined fields left out). */
function auditQuery(filter: CallRequest<'audit.views'>): Record<string, string | number> {
  const defined = Object.entries(filter).filter(([, v]) => v !== undefined);
  return Object.fromEntries(defined) as Record<string, string | number>;
}

export class ConsoleService {
  private readonly hub: HubClient;
  private readonly listeners = new Set<PushListener>();
  private session: { token: string; user: User } | null = null;
  private socket: Socket | null = null;
  private status: ConnectionStatus;
  private healthTimer: NodeJS.Timeout | null = null;
  private closed = false;
  /** The last case change this console has seen; after a reconnect it catches up from here. */
  private lastCaseSeq = 0;

  constructor(private readonly options: ConsoleServiceOptions) {
    this.hub = new HubClient(options.hubUrl);
    this.status = { state: 'connecting', hubUrl: options.hubUrl, since: new Date().toISOString() };
    void this.probeHealth();
  }

  readonly handlers: Handlers = {
    'session.login': async ({ username, password }) => {
      const { token, user } = await this.hub.request('login', { body: { username, password } });
      if (!CONSOLE_ROLES.includes(user.role)) {
        await this.hub.request('logout', { token }).catch(() => undefined);
        throw new GridCommandError(
          'not_console_role',
          '该账号不能使用指挥台（网格员请使用掌上治理通） / this account cannot use the console',
        );
      }
      this.endSession();
      this.session = { token, user };
      this.connectSocket(token);
      return user;
    },
    'session.logout': async () => {
      const token = this.session?.token;
      this.endSession();
      if (token) await this.hub.request('logout', { token }).catch(() => undefined);
      // Every window (or browser tab) sharing this console service goes back to the login page.
      if (token) this.emit('session.ended', { reason: 'logout' });
      return { ok: true as const };
    },
    'session.current': async () => this.session?.user ?? null,
    'connection.status': async () => this.status,
    'org.units': async () => (await this.hub.request('orgUnits', { token: this.requireToken() })).items,
    'cameras.list': async () => (await this.hub.request('cameras', { token: this.requireToken() })).items,
    'cases.board': async () => {
      const page = await this.hub.request('board', { token: this.requireToken() });
      this.lastCaseSeq = Math.max(this.lastCaseSeq, page.lastSeq);
      return page;
    },
    'cases.get': async ({ caseId }) =>
      this.hub.request('caseDetail', { token: this.requireToken(), params: { caseId } }),
    'cases.move': async ({ caseId, idempotencyKey, request }) =>
      this.hub.request('moveCase', { token: this.requireToken(), params: { caseId }, body: request, idempotencyKey }),
    'stats.kpis': async (query) =>
      this.hub.request('kpis', {
        token: this.requireToken(),
        query: { from: query.from, to: query.to, ...(query.orgUnit ? { orgUnit: query.orgUnit } : {}) },
      }),
    'cases.report': async ({ idempotencyKey, report }) =>
      this.hub.request('reportEvent', { token: this.requireToken(), body: report, idempotencyKey }),
    // The URL carries a short-lived stream token bound to this session, camera and machine, never the hub token.
    'cameras.stream': async ({ cameraId, ...body }) =>
      this.hub.request('cameraStream', { token: this.requireToken(), params: { id: cameraId }, body }),
    'audit.views': async (filter) =>
      this.hub.request('auditViews', { token: this.requireToken(), query: auditQuery(filter) }),
  };

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
    if (this.healthTimer) clearTimeout(this.healthTimer);
    this.listeners.clear();
  }

  private requireToken(): string {
    if (!this.session) throw new GridCommandError('unauthenticated', '请先登录 / please log in');
    return this.session.token;
  }

  private emit<K extends ConsolePushName>(push: K, payload: PushPayload<K>): void {
    for (const listener of this.listeners) listener(push, payload);
  }

  private setStatus(state: ConnectionStatus['state'], lastError?: string): void {
    if (state === this.status.state && lastError === this.status.lastError) return;
    this.status = {
      state,
      hubUrl: this.options.hubUrl,
      since: new Date().toISOString(),
      ...(lastError ? { lastError } : {}),
    };
    this.emit('connection.changed', this.status);
  }

  /** While no socket carries the link, a light health probe keeps the status honest. */
  private async probeHealth(): Promise<void> {
    if (this.closed) return;
    if (!this.socket) {
      try {
        await this.hub.request('health');
        this.setStatus('online');
      } catch (err) {
        this.setStatus('offline', err instanceof Error ? err.message : String(err));
      }
    }
    if (!this.closed)
      this.healthTimer = setTimeout(() => void this.probeHealth(), this.options.healthIntervalMs ?? 5000);
  }

  private connectSocket(token: string): void {
    const socket = io(new URL(HUB_SOCKET_NAMESPACE, this.options.hubUrl).toString(), {
      auth: { token },
      transports: ['websocket'],
      reconnectionDelay: 500,
      reconnectionDelayMax: 5000,
    });
    this.socket = socket;
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
      if (parsed.success) this.forwardCaseChange(parsed.data);
    });
    socket.on('session.ended', (payload: unknown) => {
      const parsed = hubSocket['session.ended'].safeParse(payload);
      this.endSession();
      this.emit('session.ended', parsed.success ? parsed.data : { reason: 'revoked' });
    });
  }

  private forwardCaseChange(change: PushPayload<'case.changed'>): void {
    if (change.seq <= this.lastCaseSeq) return; // already seen (a catch-up and a push can overlap)
    this.lastCaseSeq = change.seq;
    this.emit('case.changed', change);
  }

  /** After a (re)connect: fetch what changed while away, instead of reloading everything. */
  private async catchUpCases(): Promise<void> {
    const token = this.session?.token;
    if (!token || this.lastCaseSeq === 0) return;
    try {
      const { changes } = await this.hub.request('caseChanges', { token, query: { since: this.lastCaseSeq } });
      for (const change of changes) this.forwardCaseChange(change);
    } catch {
      // The socket's next reconnect tries again.
    }
  }

  private endSession(): void {
    this.lastCaseSeq = 0;
    this.session = null;
    const socket = this.socket;
    this.socket = null;
    socket?.removeAllListeners();
    socket?.disconnect();
  }
}
