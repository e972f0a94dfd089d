/**
 * Login, token check and revocation. Tokens are 256-bit random strings handed to the client once; the hub keeps
 * their SHA-256 only. Every failure is a GridCommandError with status 401 and a code the console can translate.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { GridCommandError } from '../../common/errors.js';
import type { LoginResponse, User } from '../../common/schemas.js';
import type { HubDatabase } from '../db/database.js';
import { findSessionByTokenHash, insertSession, revokeSession } from '../db/sessions-store.js';
import { findUserById, findUserByUsername, publicUser } from '../db/users-store.js';
import { decoyHash, verifyPassword } from './passwords.js';

export interface AuthenticatedSession {
  readonly sessionId: string;
  readonly user: User;
  readonly expiresAt: number;
}

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export class AuthService {
  constructor(
    private readonly db: HubDatabase,
    private readonly tokenTtlMs: number,
    private readonly now: () => number,
  ) {}

  async login(username: string, password: string): Promise<LoginResponse> {
    const user = findUserByUsername(this.db, username);
    // Verify against a decoy when the user is unknown so both failures cost the same time.
    const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
    if (!user || !ok || user.disabled) {
      throw new GridCommandError(
        'invalid_credentials',
        '用户名或密码错误 / wrong username or password',
        undefined,
        401,
      );
    }
    const token = randomBytes(32).toString('base64url');
    const createdAt = this.now();
    const expiresAt = createdAt + this.tokenTtlMs;
    insertSession(this.db, { id: randomUUID(), tokenHash: hashToken(token), userId: user.id, createdAt, expiresAt });
    return { token, expiresAt: new Date(expiresAt).toISOString(), user: publicUser(user) };
  }

  /** The live session behind a bearer token, or a 401 that says why. */
  authenticate(token: string | undefined): AuthenticatedSession {
    if (!token) throw new GridCommandError('unauthenticated', '需要登录 / authentication required', undefined, 401);
    const session = findSessionByTokenHash(this.db, hashToken(token));
    if (!session || session.revokedAt !== null) {
      throw new GridCommandError('unauthenticated', '会话无效或已注销 / invalid or revoked session', undefined, 401);
    }
    if (session.expiresAt <= this.now()) {
      throw new GridCommandError('token_expired', '会话已过期，请重新登录 / session expired', undefined, 401);
    }
    const user = findUserById(this.db, session.userId);
    if (!user || user.disabled) {
      throw new GridCommandError('unauthenticated', '账号已停用 / account disabled', undefined, 401);
    }
    return { sessionId: session.id, user: publicUser(user), expiresAt: session.expiresAt };
  }

  revoke(sessionId: string): boolean {
    return revokeSession(this.db, sessionId, this.now());
  }
}
