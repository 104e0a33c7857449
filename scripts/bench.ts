/**
 * `npm run bench`: runs every benchmark in scripts/bench/ (each a module exporting `name` and
 * `run(flags): Promise<void>` that prints its own figures), one after another, on this machine.
 * `npm run bench -- ingest` runs only the benchmarks whose file name contains "ingest"; further
 * `--flags` go to the benchmarks (`ingest --cluster`: through nginx to the PostgreSQL cluster;
 * `dashboard --pg`: the city on the PostgreSQL cluster).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib/directus.ts';

interface Bench {
  name: string;
  run: (flags: readonly string[]) => Promise<void>;
}

const dir = join(ROOT, 'scripts/bench');
const args = process.argv.slice(2);
const filter = args.find((arg) => !arg.startsWith('--')) ?? '';
const flags = args.filter((arg) => arg.startsWith('--'));
const files = readdirSync(dir).filter((f) => f.endsWith('.bench.ts') && f.includes(filter)).sort();
const os = await import('node:os');
console.log(`benchmarks on ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}: ${files.join(', ') || 'none'}${flags.length ? ` ${flags.join(' ')}` : ''}`);
for (const file of files) {
  const bench = (await import(join(dir, file))) as Bench;
  console.log(`\n== ${bench.name} ==`);
  const started = Date.now();
  await bench.run(flags);
  console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
process.exit(0);
