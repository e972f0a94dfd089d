/**
 * A hub in its own process on a fixed port and data folder, so a test can kill it with SIGKILL — as a power cut or
 * an OOM killer would — and start it again on the same files.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

export interface HubChild {
  readonly url: string;
  readonly process: ChildProcess;
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

export async function spawnHub(dataDir: string, port: number): Promise<HubChild> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'hub/cli.ts'], {
    env: { ...process.env, GRID_DATA_DIR: dataDir, GRID_HUB_PORT: String(port), GRID_DEMO: '1', GRID_SIMULATE: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code, signal) => reject(new Error(`hub exited (${code ?? signal}): ${out}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    process: child,
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
