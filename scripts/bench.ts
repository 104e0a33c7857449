/**
 * `npm run bench`: runs every benchmark in scripts/bench/ (each a module exporting `name` and
 * `run(): Promise<void>` that prints its own figures), one after another, on this machine.
 * `npm run bench -- ingest` runs only the benchmarks whose file name contains "ingest".
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib/directus.ts';

interface Bench {
  name: string;
  run: () => Promise<void>;
}

const dir = join(ROOT, 'scripts/bench');
const filter = process.argv[2] ?? '';
const files = readdirSync(dir).filter((f) => f.endsWith('.bench.ts') && f.includes(filter)).sort();
console.log(`benchmarks on ${process.version}, ${(await import('node:os')).cpus().length} cores: ${files.join(', ') || 'none'}`);
for (const file of files) {
  const bench = (await import(join(dir, file))) as Bench;
  console.log(`\n== ${bench.name} ==`);
  const started = Date.now();
  await bench.run();
  console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
process.exit(0);
