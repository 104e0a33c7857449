import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { FaceEngine, faceWorkerPath } from './face-engine';

const dir = mkdtempSync(join(tmpdir(), 'face-engine-'));
/** A stand-in worker: `body` handles `message` and may `reply(result)`. */
function worker(name: string, body: string): string {
  const file = join(dir, `${name}.mjs`);
  writeFileSync(file, `import { parentPort } from 'node:worker_threads';\nconst reply = (id, result) => parentPort.postMessage({ id, result });\nparentPort.on('message', (message) => { ${body} });\n`);
  return file;
}

const engines: FaceEngine[] = [];
const engineWith = (file: string, timeoutMs?: number) => {
  const engine = new FaceEngine(file, timeoutMs);
  engines.push(engine);
  return engine;
};
afterEach(async () => {
  await Promise.all(engines.splice(0).map((engine) => engine.close()));
});

const photo = new Uint8Array([1, 2, 3]);

describe('FaceEngine', () => {
  test('finds the worker shipped with the extension', () => {
    expect(faceWorkerPath()).toMatch(/extensions\/platform\/workers\/face-worker\.mjs$/);
  });

  test('answers what the worker answers', async () => {
    const engine = engineWith(worker('echo', 'reply(message.id, { faceCount: message.photo.length });'));
    await expect(engine.analyze(photo, null)).resolves.toEqual({ faceCount: 3 });
  });

  test('a worker that crashes fails the check with a 503 in Chinese, and the next check gets a fresh worker', async () => {
    const engine = engineWith(worker('crash', "throw new Error('model exploded');"));
    const error = await engine.analyze(photo, null).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 503, code: 'PLATFORM_SERVICE_UNAVAILABLE', extensions: { rule: 'FACE_ENGINE_UNAVAILABLE' } });
    expect((error as Error).message).toMatch(/人脸核验服务暂时不可用/);
    await expect(engine.analyze(photo, null)).rejects.toMatchObject({ status: 503 });
  });

  test('a worker that exits fails what was waiting', async () => {
    const engine = engineWith(worker('exit', 'process.exit(3);'));
    await expect(engine.analyze(photo, null)).rejects.toMatchObject({ status: 503 });
  });

  test('a job that hangs is given up after the timeout (503), and waiting in the queue does not count', async () => {
    const engine = engineWith(
      worker('hang', 'parentPort.postMessage({ id: message.id, started: true });'),
      200,
    );
    await expect(engine.analyze(photo, null)).rejects.toMatchObject({ status: 503 });
    const slowButAlive = engineWith(
      worker('slow', "parentPort.postMessage({ id: message.id, started: true }); setTimeout(() => reply(message.id, { n: message.id }), 120);"),
      200,
    );
    // Three jobs of 120 ms each: the last waits ~240 ms in the queue but runs within the timeout.
    const results = await Promise.all([1, 2, 3].map(() => slowButAlive.analyze(photo, null)));
    expect(results).toHaveLength(3);
  });

  test('an image the worker cannot decode is a 400', async () => {
    const engine = engineWith(worker('undecodable', "parentPort.postMessage({ id: message.id, error: { kind: 'undecodable', message: 'bad' } });"));
    await expect(engine.analyze(photo, null)).rejects.toMatchObject({ status: 400, extensions: { rule: 'UPLOAD_UNREADABLE' } });
  });

  test('a missing worker file is a 503, not a crash', async () => {
    const engine = engineWith(join(dir, 'nowhere.mjs'));
    await expect(engine.analyze(photo, null)).rejects.toMatchObject({ status: 503 });
  });
});
