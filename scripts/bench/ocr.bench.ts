/**
 * ID-card OCR as the H5 meets it: a real platform (built extension, real engine) answers
 * POST /platform/ocr/id-card for the committed synthetic cards (tests/fixtures/id-cards, or
 * OCR_BENCH_DIR made by `npm run id-cards -- --people 12 --out DIR`). Prints the share of fields
 * read exactly right (clean and degraded photos) and the latency of front, back and a front+back
 * pair, sequential and sent together. Goals: ≥ 99 % clean, ≥ 95 % degraded, front+back ≤ 1.5 s.
 * OCR_BENCH_ROUNDS (default 3) repeats the set for latency; OCR_BENCH_THREADS sets
 * PLATFORM_OCR_THREADS. The machine's load average is printed: figures on a busy machine are slower.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { DEMO_LOGINS } from '../../seeds/demo-logins.ts';
import { accountToEmail } from '../../schema/rules/account.ts';
import { ROOT } from '../lib/directus.ts';
import { bootPlatform } from '../lib/platform.ts';

export const name = 'ID-card OCR (POST /platform/ocr/id-card)';

interface TruthImage {
  file: string;
  side: 'front' | 'back';
  variant: string;
  person: number;
  fields: Record<string, string>;
}

interface Answer {
  status: number;
  ms: number;
  fields: Record<string, string | null>;
}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
};
const ms = (value: number): string => `${Math.round(value)} ms`.padStart(8);
const load = (): string => loadavg().map((value) => value.toFixed(1)).join(' ');

async function post(baseUrl: string, token: string, dir: string, image: TruthImage): Promise<Answer> {
  const form = new FormData();
  form.append('side', image.side);
  form.append('file', new Blob([new Uint8Array(readFileSync(join(dir, image.file)))]), image.file);
  const started = performance.now();
  const response = await fetch(`${baseUrl}/platform/ocr/id-card`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const body = (await response.json()) as { data?: { fields: Record<string, { value: string | null }> } };
  const elapsed = performance.now() - started;
  const fields = Object.fromEntries(Object.entries(body.data?.fields ?? {}).map(([key, field]) => [key, field.value]));
  return { status: response.status, ms: elapsed, fields };
}

export async function run(): Promise<void> {
  const dir = process.env['OCR_BENCH_DIR'] ?? join(ROOT, 'tests/fixtures/id-cards');
  const rounds = Number(process.env['OCR_BENCH_ROUNDS'] ?? 3);
  const threads = process.env['OCR_BENCH_THREADS'];
  const { images } = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as { images: TruthImage[] };
  console.log(`${images.length} images in ${dir}; load average before boot: ${load()}`);
  const platform = await bootPlatform({ seed: 'small', extraEnv: threads ? { PLATFORM_OCR_THREADS: threads } : {} });
  try {
    const account = DEMO_LOGINS.projects[0];
    if (!account) throw new Error('no demo project login');
    const login = await fetch(`${platform.baseUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: accountToEmail(account.account), password: account.password }),
    });
    const token = ((await login.json()) as { data: { access_token: string } }).data.access_token;
    // The first call waits for the models the server loads at start-up.
    await post(platform.baseUrl, token, dir, images[0]!);

    // Accuracy: every field of every image, exactly as in the truth file.
    const score: Record<string, { right: number; total: number; images: number }> = {};
    const misses: string[] = [];
    for (const image of images) {
      const answer = await post(platform.baseUrl, token, dir, image);
      const kind = image.variant === 'clean' ? 'clean' : 'degraded';
      const entry = (score[kind] ??= { right: 0, total: 0, images: 0 });
      entry.images += 1;
      for (const [field, expected] of Object.entries(image.fields)) {
        entry.total += 1;
        if (answer.status === 200 && answer.fields[field] === expected) entry.right += 1;
        else misses.push(`${image.file} ${field}: ${answer.status === 200 ? String(answer.fields[field]) : `HTTP ${answer.status}`} ≠ ${expected}`);
      }
    }
    for (const [kind, { right, total, images: count }] of Object.entries(score)) {
      console.log(`fields right, ${kind.padEnd(8)} ${((100 * right) / total).toFixed(1).padStart(5)} %  (${right}/${total} fields, ${count} images)`);
    }
    for (const miss of misses.slice(0, 20)) console.log(`  miss ${miss}`);

    // Latency of clean cards: each side alone, then front+back of one card one after the other and sent together.
    const pairs = [...new Set(images.filter((i) => i.variant === 'clean').map((i) => i.person))]
      .map((person) => ({ front: images.find((i) => i.person === person && i.side === 'front' && i.variant === 'clean'), back: images.find((i) => i.person === person && i.side === 'back' && i.variant === 'clean') }))
      .filter((pair): pair is { front: TruthImage; back: TruthImage } => Boolean(pair.front && pair.back));
    const front: number[] = [];
    const back: number[] = [];
    const sequential: number[] = [];
    const together: number[] = [];
    const loadBefore = load();
    for (let round = 0; round < rounds; round += 1) {
      for (const pair of pairs) {
        const a = await post(platform.baseUrl, token, dir, pair.front);
        const b = await post(platform.baseUrl, token, dir, pair.back);
        front.push(a.ms);
        back.push(b.ms);
        sequential.push(a.ms + b.ms);
        const started = performance.now();
        await Promise.all([post(platform.baseUrl, token, dir, pair.front), post(platform.baseUrl, token, dir, pair.back)]);
        together.push(performance.now() - started);
      }
    }
    console.log(`latency over ${rounds} rounds of ${pairs.length} cards (load average ${loadBefore} → ${load()}; PLATFORM_OCR_THREADS=${threads ?? 'default'}):`);
    console.log(`                       median      p95`);
    for (const [label, values] of [['front', front], ['back', back], ['front+back, one by one', sequential], ['front+back, together', together]] as const) {
      console.log(`${label.padEnd(22)} ${ms(percentile(values, 0.5))} ${ms(percentile(values, 0.95))}`);
    }
  } finally {
    await platform.stop();
  }
}
