/**
 * The hub's stream-token signing key: 32 random bytes in a file beside the database, created once with owner-only
 * permissions. A file rather than a DB row so a copied or exported database yields no way to forge stream tokens.
 * Never sent anywhere; losing it only invalidates the stream tokens in flight (clients ask for new ones).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const STREAM_SECRET_FILE = 'stream-token.key';

export function loadOrCreateStreamSecret(dataDir: string): Buffer {
  const path = join(dataDir, STREAM_SECRET_FILE);
  try {
    // 'wx' fails if the file exists, so two hubs starting on one data dir cannot overwrite each other's key.
    writeFileSync(path, randomBytes(32).toString('hex'), { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const secret = Buffer.from(readFileSync(path, 'utf8').trim(), 'hex');
  if (secret.length < 32) throw new Error(`${path} does not hold a 256-bit key; delete it to have a new one made`);
  return secret;
}
