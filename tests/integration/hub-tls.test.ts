/**
 * The hub serving HTTPS/WSS itself from GRID_TLS_CERT/GRID_TLS_KEY: a self-signed CA made here with openssl signs
 * the hub's certificate, and a console service (its own process) that trusts exactly that CA (NODE_EXTRA_CA_CERTS)
 * signs in, goes online over WSS and reads its scope. The same console without the CA is refused by certificate
 * verification — nothing disables it.
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hubConfigFromEnv } from '../../hub/config.js';
import { startTestHub, type TestHub } from '../support/test-hub.js';

let dir: string;
let hub: TestHub;

const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'grid-tls-'));
  openssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    '/CN=Grid Test CA',
    '-keyout',
    'ca.key',
    '-out',
    'ca.pem',
  );
  openssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1', '-keyout', 'hub.key', '-out', 'hub.csr');
  writeFileSync(join(dir, 'san.ext'), 'subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  openssl(
    'x509',
    '-req',
    '-in',
    'hub.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    'san.ext',
    '-out',
    'hub.pem',
  );
  const config = hubConfigFromEnv(
    { GRID_TLS_CERT: join(dir, 'hub.pem'), GRID_TLS_KEY: join(dir, 'hub.key') },
    { dataDir: dir, port: 0 },
  );
  hub = await startTestHub({ tls: config.tls });
}, 60_000);
afterAll(async () => {
  await hub?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

/** Asynchronously: the hub answering it runs in this process. */
async function probe(env: Record<string, string>): Promise<Record<string, unknown>> {
  const { NODE_TLS_REJECT_UNAUTHORIZED: _ignored, NODE_EXTRA_CA_CERTS: _none, ...clean } = process.env;
  const { stdout: out } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('../support/console-probe.ts', import.meta.url))],
    { env: { ...clean, GRID_HUB_URL: hub.url, ...env }, encoding: 'utf8', timeout: 60_000 },
  );
  return JSON.parse(out.trim().split('\n').pop()!) as Record<string, unknown>;
}

describe('hub over HTTPS/WSS', () => {
  it('listens on https and a console that trusts its CA signs in, goes online over wss and reads its scope', async () => {
    expect(hub.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const seen = await probe({ NODE_EXTRA_CA_CERTS: join(dir, 'ca.pem') });
    expect(seen.login, String(seen.error)).toBe('ok');
    expect(seen.state).toBe('online');
    expect((seen.units as string[]).length).toBeGreaterThan(10);
    expect((seen.units as string[]).every((code) => code.startsWith('431099001'))).toBe(true);
  }, 90_000);

  it('is refused by a console that does not trust the CA (verification stays on)', async () => {
    const seen = await probe({});
    expect(seen.login).toBe('hub_unreachable');
    expect(String(seen.error)).toMatch(/fetch failed|certificate/i);
  }, 90_000);

  it('does not answer plain http on the TLS port', async () => {
    await expect(fetch(hub.url.replace('https:', 'http:') + '/health')).rejects.toThrow();
  });
});
