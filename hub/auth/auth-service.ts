/**
 * Login, token check and revocation. Tokens are 256-bit random strings handed to the client once; the hub keeps
 * their SHA-256 only. Every failure is a GridCommandError with status 401 and a code the console can translate.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { GridCommandError } from '../../common/errors.js';
import type { LoginResponse, User } from '../../common/schemas.js';
import type { HubDatabase } from '../db/database.js';
import {
  authVersion,
  findSessionByTokenHash,
  insertSession,
  liveSessionIdsOfUser,
  revokeSession,
  type SessionRecord,
} from './sessions-store.js';
import { findUserById, findUserByUsername, publicUser, type UserRecord } from './users-store.js';
import { decoyHash, verifyPassword } from './passwords.js';

export interface AuthenticatedSession {
  readonly sessionId: string;
  readonly user: User;
  readonly expiresAt: number;
}

/** Sessions or users held in memory; beyond this many the memory starts over (re-read from the database). */
const MEMORY_LIMIT = 10_000;

const remember = <V>(memory: Map<string, V>, key: string, value: V): void => {
  if (memory.size >= MEMORY_LIMIT) memory.clear();
  memory.set(key, value);
};

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export class AuthService {
  /**
   * Sessions by token hash and users by id, as last read from the database, kept while the database's auth version
   * (migration 0008: bumped by triggers on users, sessions and org units) stands still. Every request
   * authenticates; two joined lookups were a tenth of the hub's time per report under intake load
   * (bench/intake-throughput.ts), one integer is not. Expiry is checked on every call.
   */
  private readonly sessions = new Map<string, SessionRecord>();
  private readonly users = new Map<string, UserRecord>();
  private memoryVersion = -1;
  private readonly userChangeListeners = new Set<(userId: string, reason: 'revoked') => void>();

  constructor(
    private readonly db: HubDatabase,
    private readonly tokenTtlMs: number,
    private readonly now: () => number,
  ) {}

  async login(username: string, password: string, clientAddress?: string): Promise<LoginResponse> {
    const user = findUserByUsername(this.db, username);
    // Verify against a decoy when the user is unknown so both failures cost the same time.
    const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
    if (!user || !ok || user.disabled) {
      throw new GridCommandError('invalid_credentials', 'wrong username or password');
    }
    return this.openSession(user.id, clientAddress);
  }

  /** A new session (and its token, handed out once) for a user, e.g. right after they changed their password. */
  openSession(userId: string, clientAddress?: string): LoginResponse {
    const user = findUserById(this.db, userId);
    if (!user || user.disabled) throw new GridCommandError('invalid_credentials', 'wrong username or password');
    const token = randomBytes(32).toString('base64url');
    const createdAt = this.now();
    const expiresAt = createdAt + this.tokenTtlMs;
    insertSession(this.db, {
      id: randomUUID(),
      tokenHash: hashToken(token),
      userId: user.id,
      createdAt,
      expiresAt,
      clientAddress,
    });
    return { token, expiresAt: new Date(expiresAt).toISOString(), user: publicUser(user) };
  }

  /**
   * The live session behind a bearer token, or a 401 that says why. A user who signed in with a one-time password
   * gets `password_change_required` (403) from everything but the few routes that let them change it
   * (`passwordChange`), sockets and media included, since they all authenticate here.
   */
  authenticate(token: string | undefined, options: { passwordChange?: boolean } = {}): AuthenticatedSession {
    if (!token) throw new GridCommandError('unauthenticated', 'authentication required');
    this.forgetIfChanged();
    const tokenHash = hashToken(token);
    let session = this.sessions.get(tokenHash);
    if (!session) {
      session = findSessionByTokenHash(this.db, tokenHash);
      if (session && session.revokedAt === null) remember(this.sessions, tokenHash, session);
    }
    if (!session || session.revokedAt !== null) {
      throw new GridCommandError('unauthenticated', 'invalid or revoked session');
    }
    if (session.expiresAt <= this.now()) {
      throw new GridCommandError('token_expired', 'session expired');
    }
    let user = this.users.get(session.userId);
    if (!user) {
      user = findUserById(this.db, session.userId);
      if (user) remember(this.users, user.id, user);
    }
    if (!user || user.disabled) {
      throw new GridCommandError('unauthenticated', 'account disabled');
    }
    if (user.mustChangePassword && !options.passwordChange) {
      throw new GridCommandError('password_change_required', 'change the one-time password first');
    }
    return { sessionId: session.id, user: publicUser(user), expiresAt: session.expiresAt };
  }

  /** Memory is dropped whenever a user, session or org unit changed since it was filled, by whatever path. */
  private forgetIfChanged(): void {
    const version = authVersion(this.db);
    if (version === this.memoryVersion) return;
    this.sessions.clear();
    this.users.clear();
    this.memoryVersion = version;
  }

  revoke(sessionId: string): boolean {
    return revokeSession(this.db, sessionId, this.now());
  }

  /**
   * Who the user is changed (unit, role, disabled, password — by any route that changes users): every live session
   * of theirs is revoked and their sockets are told `session.ended{revoked}` and closed, now. A change written
   * straight into the database gets the same end through the trigger of migration 0010 and the socket sweep.
   */
  userChanged(userId: string, reason: 'revoked' = 'revoked'): void {
    for (const sessionId of liveSessionIdsOfUser(this.db, userId, this.now())) this.revoke(sessionId);
    this.userChangeListeners.forEach((listener) => listener(userId, reason));
  }

  onUserChanged(listener: (userId: string, reason: 'revoked') => void): void {
    this.userChangeListeners.add(listener);
  }

  /** The auth version (migration 0008), for those who re-check identities only when it moved. */
  version(): number {
    return authVersion(this.db);
  }
}
