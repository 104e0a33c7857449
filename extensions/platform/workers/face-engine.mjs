/**
 * The offline face model: @vladmandic/human on the tfjs WebAssembly backend, with the models that
 * ship inside the package. Plain JavaScript loaded by absolute path at run time (never bundled):
 * Human's Node entry needs tfjs-node, which cannot be installed here, so its `human.node-wasm.js`
 * build is required by file path, and models are read from disk by a local loader.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** Face detections kept per photo: enough to tell "one" from "several" without paying for a crowd. */
const MAX_FACES = 3;

/** Where the packages live, resolved from this file (works hoisted or installed in the extension). */
export function enginePaths() {
  const humanDir = path.dirname(require.resolve('@vladmandic/human'));
  return {
    human: path.join(humanDir, 'human.node-wasm.js'),
    models: path.resolve(humanDir, '../models'),
    wasm: `${path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json'))}${path.sep}dist${path.sep}`,
  };
}

/**
 * tfjs's HTTP loader cannot read `file://` in Node; this one reads model.json and its weight
 * shards from disk. It must hand over `signature` and `userDefinedMetadata` too: without them
 * Human's description model returns an empty embedding.
 */
function fileModelLoader(url) {
  const file = String(url).slice('file://'.length);
  return {
    load: async () => {
      const json = JSON.parse(await readFile(file, 'utf8'));
      const dir = path.dirname(file);
      const weightSpecs = [];
      const shards = [];
      for (const group of json.weightsManifest ?? []) {
        weightSpecs.push(...group.weights);
        for (const shard of group.paths) shards.push(await readFile(path.join(dir, shard)));
      }
      const weights = Buffer.concat(shards);
      return {
        modelTopology: json.modelTopology,
        format: json.format,
        generatedBy: json.generatedBy,
        convertedBy: json.convertedBy,
        weightSpecs,
        weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength),
        signature: json.signature,
        userDefinedMetadata: json.userDefinedMetadata,
        modelInitializer: json.modelInitializer,
      };
    },
  };
}

const once = { skipFrames: 0, skipTime: 0 };

/** Human's configuration for single still photos: no caching, no frame skipping, no video tricks. */
export function humanConfig(paths) {
  return {
    backend: 'wasm',
    wasmPath: paths.wasm,
    modelBasePath: `file://${paths.models}/`,
    debug: false,
    async: false,
    warmup: 'none',
    cacheModels: false,
    cacheSensitivity: 0,
    skipAllowed: false,
    filter: { enabled: false },
    face: {
      enabled: true,
      detector: { ...once, rotation: true, maxDetected: MAX_FACES, minConfidence: 0.5, return: false },
      mesh: { enabled: true },
      attention: { enabled: false },
      iris: { enabled: true, ...once },
      description: { enabled: true, ...once },
      emotion: { enabled: false },
      antispoof: { enabled: true, ...once },
      liveness: { enabled: true, ...once },
    },
    body: { enabled: true, modelPath: 'movenet-lightning.json', maxDetected: 1, minConfidence: 0.05, ...once },
    hand: { enabled: false },
    object: { enabled: false },
    gesture: { enabled: false },
    segmentation: { enabled: false },
  };
}

/**
 * Loads Human and its models once; returns the instance (call `detect` with an int32 RGB tensor).
 * @example const human = await loadHuman(); const result = await human.detect(tensor);
 */
export async function loadHuman() {
  const paths = enginePaths();
  const { Human } = require(paths.human);
  const human = new Human(humanConfig(paths));
  human.tf.io.registerLoadRouter((url) => (typeof url === 'string' && url.startsWith('file://') ? fileModelLoader(url) : null));
  await human.load();
  await human.tf.ready();
  if (human.tf.getBackend() !== 'wasm') throw new Error(`face engine: wasm backend unavailable (${human.tf.getBackend()})`);
  return human;
}
