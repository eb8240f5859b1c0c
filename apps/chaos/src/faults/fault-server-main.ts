// An upstream whose faults a scenario switches at run time: `node fault-server-main.js --host H
// --port P --behaviour B [--tuning JSON]`. `GET /__fault` answers the behaviour in force and
// `PUT /__fault?behaviour=B` changes it, both before any fault applies. SIGTERM drains like a
// well-behaved service: stop accepting, close idle keep-alive connections, answer what is in
// flight with `connection: close`, exit 0 (at most DRAIN_LIMIT_MS later).
import { createServer } from 'node:http';
import { type Socket } from 'node:net';
import { parseArgs } from 'node:util';
import { FAULT_TUNING_DEFAULTS, isFaultBehaviour, respondWith, type FaultBehaviour, type FaultTuning } from './fault-behaviours';

const DRAIN_LIMIT_MS = 5_000;

const { values } = parseArgs({
  options: {
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string' },
    behaviour: { type: 'string', default: 'ok' },
    tuning: { type: 'string', default: '{}' },
  },
});
if (values.port === undefined || !isFaultBehaviour(values.behaviour)) {
  process.stderr.write('usage: fault-server-main --port P [--host H] [--behaviour ok|hang|...] [--tuning JSON]\n');
  process.exit(2);
}
let behaviour: FaultBehaviour = values.behaviour;
const tuning: FaultTuning = { ...FAULT_TUNING_DEFAULTS, ...(JSON.parse(values.tuning) as Partial<FaultTuning>) };
const timers = new Set<NodeJS.Timeout>();
const sockets = new Set<Socket>();
let draining = false;

const server = createServer((req, res) => {
  if (draining) res.setHeader('connection', 'close');
  if (req.url?.startsWith('/__fault') === true) {
    const next = new URL(req.url, 'http://x').searchParams.get('behaviour');
    if (req.method === 'PUT' && next !== null && isFaultBehaviour(next)) behaviour = next;
    res.writeHead(200, { 'content-type': 'text/plain' }).end(behaviour);
    return;
  }
  req.on('error', () => undefined);
  // Read the request body (the sidecar may send one), then fault.
  req.resume();
  req.on('end', () => respondWith(behaviour, tuning, req, res, timers));
});
// A hanging upstream must not be rescued by Node's own request timeout.
server.requestTimeout = 0;
server.on('connection', (socket: Socket) => {
  sockets.add(socket);
  socket.on('close', () => sockets.delete(socket));
  socket.on('error', () => undefined);
});
server.listen(Number(values.port), values.host, () => process.stderr.write(`fault-server ${values.host}:${values.port} ${behaviour}\n`));

process.once('SIGTERM', () => {
  draining = true;
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => {
    for (const timer of timers) clearTimeout(timer);
    for (const socket of sockets) socket.destroy();
    process.exit(0);
  }, DRAIN_LIMIT_MS).unref();
});
