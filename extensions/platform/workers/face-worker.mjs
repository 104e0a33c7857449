/**
 * The face check's worker thread: loads the model once and answers one message at a time, so the
 * request thread never runs inference. Messages: `{ id, op: 'load' }`,
 * `{ id, op: 'analyze', photo, idPhoto }`, `{ id, op: 'devicePhoto', photo, box }`; says
 * `{ id, started: true }` when it takes a message up, then answers `{ id, result }` or
 * `{ id, error: { kind: 'undecodable' | 'engine', message } }`.
 */
import { parentPort } from 'node:worker_threads';
import { devicePhoto } from './device-photo.mjs';
import { analyzePhoto, sharedHuman, UndecodableImageError } from './face-analysis.mjs';

if (!parentPort) throw new Error('face-worker.mjs runs as a worker thread');
const port = parentPort;

async function handle(message) {
  switch (message.op) {
    case 'load':
      await sharedHuman();
      return { loaded: true };
    case 'analyze':
      return analyzePhoto(await sharedHuman(), message.photo, message.idPhoto ?? null);
    case 'devicePhoto':
      return devicePhoto(message.photo, message.box);
    default:
      throw new Error(`unknown op ${message.op}`);
  }
}

let queue = Promise.resolve();
port.on('message', (message) => {
  queue = queue.then(async () => {
    port.postMessage({ id: message.id, started: true });
    try {
      const result = await handle(message);
      port.postMessage({ id: message.id, result }, result?.data instanceof Uint8Array ? [result.data.buffer] : []);
    } catch (error) {
      const kind = error instanceof UndecodableImageError ? 'undecodable' : 'engine';
      port.postMessage({ id: message.id, error: { kind, message: error instanceof Error ? error.message : String(error) } });
    }
  });
});
