// Runs every bench/*.bench.mjs in turn (or those named on the command line), each in its
// own process so that one benchmark's memory and sockets never colour the next.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const wanted = process.argv.slice(2);
const benches = readdirSync(dir)
  .filter((file) => file.endsWith('.bench.mjs'))
  .filter((file) => wanted.length === 0 || wanted.some((name) => file.includes(name)))
  .sort();
if (benches.length === 0) {
  console.error(
    `no benchmark matches ${wanted.join(', ')}; available: ${readdirSync(dir)
      .filter((f) => f.endsWith('.bench.mjs'))
      .join(', ')}`,
  );
  process.exit(2);
}
let failed = 0;
for (const file of benches) {
  console.log(`\n## ${file}\n`);
  const result = spawnSync(process.execPath, [`${dir}/${file}`], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
