/**
 * A TCP relay that adds latency, for machines whose kernel has no netem qdisc (`tc … netem`: "Specified qdisc kind
 * is unknown", as in this container): listens on 0.0.0.0:<listen port>, forwards to 127.0.0.1:<target port> and
 * holds every chunk for half the delay in each direction, so a round trip gains the delay as with netem on one
 * side. Order is kept (one fixed delay, timers fire in order). Bandwidth, loss and jitter are not modelled.
 * Usage: delay-relay.ts <listen port> <target port> <round-trip delay ms>; prints "ready".
 */
import { connect, createServer, type Socket } from 'node:net';

const [listenPort = '7301', targetPort = '7300', delayArg = '20'] = process.argv.slice(2);
const half = Number(delayArg) / 2;

function pipeDelayed(from: Socket, to: Socket): void {
  from.on('data', (chunk) => setTimeout(() => to.writable && to.write(chunk), half));
  from.on('end', () => setTimeout(() => to.end(), half));
  from.on('error', () => to.destroy());
  from.on('close', () => setTimeout(() => to.destroy(), half));
}

const server = createServer((client) => {
  const upstream = connect(Number(targetPort), '127.0.0.1');
  client.setNoDelay(true);
  upstream.setNoDelay(true);
  pipeDelayed(client, upstream);
  pipeDelayed(upstream, client);
});
server.listen(Number(listenPort), '0.0.0.0', () => console.log('ready'));
process.once('SIGTERM', () => process.exit(0));
