/**
 * The face model runs in one worker thread per server process (`workers/face-worker.mjs`, plain
 * JavaScript loaded by path at run time, never bundled), so inference never blocks requests and a
 * crash of the model cannot take the server down: pending checks then answer 503 and the next
 * check starts a fresh worker.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { invalid, unavailable } from '../http/errors';
import type { FaceBox, FaceMeasurements } from './face-measurements';

export interface DevicePhoto {
  data: Uint8Array;
  width: number;
  height: number;
  quality: number;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout | null;
}

type Reply =
  | { id: number; started: true }
  | { id: number; result: unknown }
  | { id: number; error: { kind: 'undecodable' | 'engine'; message: string } };

/** How long one job may run once the worker took it up, the model's first load included. */
const JOB_TIMEOUT_MS = 60_000;
/** Checks waiting beyond this many are refused at once rather than left to time out. */
const MAX_QUEUED = 16;

const engineDown = () => unavailable('FACE_ENGINE_UNAVAILABLE', '人脸核验服务暂时不可用，请稍后重试');

/** `workers/face-worker.mjs` of this extension, from the bundle (`dist/`) or the sources (`src/faces/`). */
export function faceWorkerPath(): string {
  const candidates = ['../workers/face-worker.mjs', '../../workers/face-worker.mjs'].map((relative) => fileURLToPath(new URL(relative, import.meta.url)));
  const found = candidates.find((file) => existsSync(file));
  if (!found) throw new Error(`face worker not found (looked at ${candidates.join(', ')})`);
  return found;
}

export class FaceEngine {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(
    private readonly workerFile: string = faceWorkerPath(),
    private readonly timeoutMs: number = JOB_TIMEOUT_MS,
  ) {}

  /** Starts the worker and loads the model in the background (server start); errors only log. */
  warmUp(log: (message: string) => void = () => undefined): void {
    const started = Date.now();
    this.send<{ loaded: boolean }>({ op: 'load' }).then(
      () => log(`face model ready in ${Date.now() - started} ms`),
      (error: Error) => log(`face model warm-up failed: ${error.message}`),
    );
  }

  /**
   * Measures a photo (and compares it with the ID card's portrait side when given).
   * @throws 400 when the image cannot be decoded, 503 when the model is unavailable or busy.
   */
  analyze(photo: Uint8Array, idPhoto: { key: string | null; bytes: Uint8Array } | null): Promise<FaceMeasurements> {
    return this.send<FaceMeasurements>({ op: 'analyze', photo, idPhoto });
  }

  /** The ≤ 50 KB portrait JPEG for gate devices, cut around `box`. */
  devicePhoto(photo: Uint8Array, box: FaceBox): Promise<DevicePhoto> {
    return this.send<DevicePhoto>({ op: 'devicePhoto', photo, box });
  }

  /** Stops the worker (tests, shutdown). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    this.failAll(engineDown());
    if (worker) await worker.terminate();
  }

  private send<T>(message: Record<string, unknown>): Promise<T> {
    if (this.pending.size >= MAX_QUEUED) return Promise.reject(unavailable('FACE_ENGINE_BUSY', '人脸核验排队人数较多，请稍后重试'));
    let worker: Worker;
    try {
      worker = this.ensureWorker();
    } catch {
      return Promise.reject(engineDown());
    }
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, timer: null });
      worker.postMessage({ ...message, id });
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerFile, { resourceLimits: { maxOldGenerationSizeMb: 1024 } });
    worker.unref();
    worker.on('message', (reply: Reply) => this.settle(reply));
    worker.on('error', () => this.lost(worker));
    worker.on('exit', () => this.lost(worker));
    this.worker = worker;
    return worker;
  }

  private settle(reply: Reply): void {
    const job = this.pending.get(reply.id);
    if (!job) return;
    if ('started' in reply) {
      // Time only the work, not the wait in the queue; a job this late means a stuck model.
      job.timer = setTimeout(() => this.restart(), this.timeoutMs);
      return;
    }
    if (job.timer) clearTimeout(job.timer);
    this.pending.delete(reply.id);
    if ('result' in reply) job.resolve(reply.result);
    else if (reply.error.kind === 'undecodable') job.reject(invalid('UPLOAD_UNREADABLE', '图片无法识别，请重新拍摄或选择', 'file'));
    else job.reject(engineDown());
  }

  /** The worker died (crash, out of memory, terminated): fail what it had; the next job starts a new one. */
  private lost(worker: Worker): void {
    if (this.worker !== worker) return;
    this.worker = null;
    this.failAll(engineDown());
  }

  private restart(): void {
    const worker = this.worker;
    this.worker = null;
    this.failAll(engineDown());
    void worker?.terminate();
  }

  private failAll(error: Error): void {
    for (const job of this.pending.values()) {
      if (job.timer) clearTimeout(job.timer);
      job.reject(error);
    }
    this.pending.clear();
  }
}

let shared: FaceEngine | null = null;

/** The process's one face engine. */
export function faceEngine(): FaceEngine {
  shared ??= new FaceEngine();
  return shared;
}
