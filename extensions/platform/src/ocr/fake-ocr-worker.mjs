// A stand-in for ocr-worker.mjs in the engine's tests: same protocol, behaviour chosen by the
// image's first byte — H hangs, C crashes after dumping a megabyte to stderr, B is a bad image,
// E is an engine error, anything else answers at once.
import { parentPort } from 'node:worker_threads';

parentPort.postMessage({ type: 'ready', loadMs: 1 });
parentPort.on('message', ({ id, image }) => {
  const first = String.fromCharCode(new Uint8Array(image)[0] ?? 0);
  if (first === 'H') for (;;);
  if (first === 'C') {
    process.stderr.write('x'.repeat(1_000_000));
    setTimeout(() => {
      throw new Error('opencv exception');
    });
    return;
  }
  if (first === 'E') return parentPort.postMessage({ id, ok: false, error: { kind: 'engine', message: 'Cannot enlarge memory arrays' } });
  if (first === 'B') return parentPort.postMessage({ id, ok: false, error: { kind: 'bad-image', message: 'unsupported image format' } });
  parentPort.postMessage({ id, ok: true, result: { width: image.byteLength, height: 1, rotation: 0, boxes: [], ms: 0 } });
});
