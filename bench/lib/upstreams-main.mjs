// Child process entry: starts every upstream kind plus a control server (GET /counts), prints one JSON
// line { ports: { kind: port }, control: port } and serves until SIGTERM. Started by upstream-process.mjs.
import { createServer } from 'node:http';
import { startUpstream, UPSTREAM_KINDS } from './upstream-servers.mjs';

const upstreams = {};
for (const [kind, behaviour] of Object.entries(UPSTREAM_KINDS)) upstreams[kind] = await startUpstream(behaviour);

const control = createServer((req, res) => {
  const counts = Object.fromEntries(Object.entries(upstreams).map(([kind, u]) => [kind, u.count()]));
  const body = JSON.stringify(counts);
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
});
await new Promise((resolve) => control.listen(0, '127.0.0.1', resolve));

const ports = Object.fromEntries(Object.entries(upstreams).map(([kind, u]) => [kind, u.port]));
process.stdout.write(`${JSON.stringify({ ports, control: control.address().port })}\n`);

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  await Promise.all([...Object.values(upstreams).map((u) => u.close()), new Promise((done) => control.close(done))]);
  process.exit(0);
}
process.once('SIGTERM', shutdown);
// If the benchmark dies without stopping us, its end of our stdin closes: do not outlive it.
process.stdin.on('end', shutdown).resume();
