import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { locateWorkerFile, OcrBadImageError, OcrEngine, OcrUnavailableError, type OcrEngineOptions } from './ocr-engine';

const FAKE = fileURLToPath(new URL('./fake-ocr-worker.mjs', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../../../tests/fixtures/id-cards/', import.meta.url));

const engines: OcrEngine[] = [];
function engine(options: Partial<OcrEngineOptions> = {}, logs: string[] = []) {
  const created = new OcrEngine({
    workerFile: FAKE,
    timeoutMs: 5_000,
    startTimeoutMs: 10_000,
    maxQueue: 4,
    threads: 1,
    logger: { info: (line) => logs.push(line), warn: (line) => logs.push(line) },
    ...options,
  });
  engines.push(created);
  return created;
}
afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.close()));
});

const image = (first: string, size = 8) => Buffer.concat([Buffer.from(first), Buffer.alloc(size - 1)]);
const reason = (promise: Promise<unknown>) => promise.then(() => 'resolved', (error: unknown) => (error instanceof OcrUnavailableError ? error.reason : String(error)));

describe('OcrEngine (with a stand-in worker)', () => {
  test('starts the worker on first use and answers in order', async () => {
    const ocr = engine();
    const answers = await Promise.all([ocr.recognize(image('a', 3)), ocr.recognize(image('a', 5))]);
    expect(answers.map((a) => a.width)).toEqual([3, 5]);
    expect(ocr.stats).toMatchObject({ starts: 1, served: 2 });
  });

  test('a bad image is the image\'s fault, not the engine\'s', async () => {
    const ocr = engine();
    await expect(ocr.recognize(image('B'))).rejects.toBeInstanceOf(OcrBadImageError);
    await expect(ocr.recognize(image('a'))).resolves.toMatchObject({ width: 8 });
    expect(ocr.stats.starts).toBe(1);
  });

  test('a crash fails that image only; the worker restarts and its noise is not printed', async () => {
    const logs: string[] = [];
    const ocr = engine({}, logs);
    const crashing = ocr.recognize(image('C'));
    const next = ocr.recognize(image('a'));
    expect(await reason(crashing)).toBe('crashed');
    await expect(next).resolves.toMatchObject({ width: 8 });
    expect(ocr.stats).toMatchObject({ starts: 2, crashes: 1 });
    const warning = logs.find((line) => line.includes('exited'));
    expect(warning).toBeDefined();
    expect(warning!.length).toBeLessThan(1_000);
  });

  test('an engine error fails that image and replaces the worker', async () => {
    const ocr = engine();
    const failing = ocr.recognize(image('E'));
    const next = ocr.recognize(image('a'));
    expect(await reason(failing)).toBe('crashed');
    await expect(next).resolves.toMatchObject({ width: 8 });
    expect(ocr.stats).toMatchObject({ starts: 2, crashes: 1 });
  });

  test('a hung worker is ended after the time limit and the queue carries on', async () => {
    const ocr = engine({ timeoutMs: 300 });
    const hanging = ocr.recognize(image('H'));
    const next = ocr.recognize(image('a'));
    expect(await reason(hanging)).toBe('timeout');
    await expect(next).resolves.toMatchObject({ width: 8 });
    expect(ocr.stats).toMatchObject({ starts: 2, timeouts: 1 });
  });

  test('a full queue is refused at once', async () => {
    const ocr = engine({ timeoutMs: 500, maxQueue: 1 });
    await ocr.recognize(image('a')); // started: the next image goes to the worker at once
    const hanging = ocr.recognize(image('H'));
    const queued = ocr.recognize(image('a'));
    expect(await reason(ocr.recognize(image('a')))).toBe('busy');
    expect(await reason(hanging)).toBe('timeout');
    await expect(queued).resolves.toBeDefined();
  });

  test('an engine whose packages are missing refuses for a while instead of restarting in a loop', async () => {
    const logs: string[] = [];
    const empty = mkdtempSync(join(tmpdir(), 'no-ocr-modules-'));
    const ocr = engine({ workerFile: locateWorkerFile(), modulesFrom: empty, retryAfterMs: 60_000 }, logs);
    expect(await reason(ocr.recognize(image('a')))).toBe('not-started');
    expect(await reason(ocr.recognize(image('a')))).toBe('not-started');
    expect(ocr.stats.starts).toBe(1);
    expect(logs.find((line) => line.includes('failed to start'))).toMatch(/@gutenye\/ocr-node/);
    rmSync(empty, { recursive: true });
  });
});

describe('OcrEngine (the real worker and models)', () => {
  test('reads an ID card photo and refuses a non-image', { timeout: 120_000 }, async () => {
    const ocr = engine({ workerFile: locateWorkerFile(), timeoutMs: 60_000, startTimeoutMs: 110_000, threads: 0 });
    const reading = await ocr.recognize(readFileSync(`${FIXTURES}back-04-clean.jpg`));
    expect(Math.max(reading.width, reading.height)).toBe(800);
    expect(reading.boxes.map((box) => box.text)).toEqual(expect.arrayContaining(['居民身份证', '中华人民共和国', '阿坝县公安局']));
    await expect(ocr.recognize(Buffer.from('this is not an image'))).rejects.toBeInstanceOf(OcrBadImageError);
  });
});
