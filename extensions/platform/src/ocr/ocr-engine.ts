/**
 * The OCR engine, kept off the request thread: one worker thread (ocr-worker.mjs, shipped beside
 * dist/, not bundled) loads the models once and reads one image at a time from a bounded queue.
 * A worker that crashes, exits or hangs past the time limit is ended and started again; the job it
 * was on fails with `OcrUnavailableError` (the endpoint answers 503) and queued jobs carry on with
 * the new worker. Nothing here can take the server down: worker output is captured, not printed
 * (opencv.js dumps megabytes of source on an uncaught error), and only a short tail is logged.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { OcrReading } from './types';

export type OcrFailure = 'busy' | 'crashed' | 'timeout' | 'not-started';

/** The engine cannot read this image now (queue full, worker crashed or hung, models missing). */
export class OcrUnavailableError extends Error {
  constructor(readonly reason: OcrFailure, detail: string) {
    super(`OCR ${reason}: ${detail}`);
    this.name = 'OcrUnavailableError';
  }
}

/** The image could not be decoded (the engine itself is fine). */
export class OcrBadImageError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'OcrBadImageError';
  }
}

export interface OcrLogger {
  info: (message: string) => void;
  warn: (message: string) => void;
}

export interface OcrEngineOptions {
  /** Path of ocr-worker.mjs. */
  workerFile: string;
  /** Where to resolve the OCR packages from (a node_modules parent); default: the worker's folder. */
  modulesFrom?: string;
  /** Longest one image may take in the worker before it is ended. */
  timeoutMs: number;
  /** Longest the models may take to load. */
  startTimeoutMs: number;
  /** Most images waiting (besides the one being read); more are refused at once. */
  maxQueue: number;
  /** onnxruntime intra-op threads (0: one per core). */
  threads: number;
  /** After a failed start, how long to refuse requests before trying again. */
  retryAfterMs?: number;
  logger?: OcrLogger;
}

interface Job {
  id: number;
  image: ArrayBuffer;
  resolve: (reading: OcrReading) => void;
  reject: (error: Error) => void;
}

type WorkerMessage =
  | { type: 'ready'; loadMs: number }
  | { type: 'fatal'; message: string }
  | { id: number; ok: true; result: OcrReading }
  | { id: number; ok: false; error: { kind: 'bad-image' | 'engine'; message: string } };

const TAIL_BYTES = 2000;

export class OcrEngine {
  private worker: Worker | null = null;
  private ready = false;
  private readonly queue: Job[] = [];
  private current: { job: Job; timer: NodeJS.Timeout } | null = null;
  private startTimer: NodeJS.Timeout | null = null;
  private nextId = 1;
  private refuseUntil = 0;
  private lastStartError = '';
  private output = '';
  /** Figures for health checks and tests. */
  readonly stats = { starts: 0, crashes: 0, timeouts: 0, served: 0, loadMs: 0 };

  constructor(private readonly options: OcrEngineOptions) {}

  /** Starts the worker (loading the models) without waiting; for warming up at server start. */
  warm(): void {
    if (!this.worker && Date.now() >= this.refuseUntil) this.start();
  }

  /** Reads the text boxes of one image (JPEG/PNG/WebP bytes). */
  recognize(image: Buffer): Promise<OcrReading> {
    if (Date.now() < this.refuseUntil) {
      return Promise.reject(new OcrUnavailableError('not-started', this.lastStartError));
    }
    if (this.queue.length >= this.options.maxQueue) {
      return Promise.reject(new OcrUnavailableError('busy', `${this.queue.length} images waiting`));
    }
    return new Promise((resolve, reject) => {
      // A copy the worker can own (the upload may be a view into a larger pooled buffer).
      const copy = new Uint8Array(image.byteLength);
      copy.set(image);
      this.queue.push({ id: this.nextId++, image: copy.buffer, resolve, reject });
      if (!this.worker) this.start();
      else this.pump();
    });
  }

  /** Ends the worker; queued images fail. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.failAll(new OcrUnavailableError('crashed', 'engine closed'));
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private start(): void {
    this.stats.starts += 1;
    this.ready = false;
    this.output = '';
    const workerData = { modulesFrom: this.options.modulesFrom, threads: this.options.threads };
    const worker = new Worker(this.options.workerFile, {
      workerData,
      stdout: true,
      stderr: true,
      // The JS heap only; model weights and images live outside it.
      resourceLimits: { maxOldGenerationSizeMb: 512 },
    });
    this.worker = worker;
    const keep = (chunk: Buffer) => (this.output = (this.output + chunk.toString('utf8')).slice(-TAIL_BYTES));
    worker.stdout.on('data', keep);
    worker.stderr.on('data', keep);
    worker.on('message', (message: WorkerMessage) => this.onMessage(worker, message));
    worker.on('error', (error) => this.log('warn', `OCR worker error: ${error.message.slice(0, 300)}`));
    worker.on('exit', (code) => this.onExit(worker, code));
    this.startTimer = setTimeout(() => {
      this.lastStartError = `models not loaded after ${this.options.startTimeoutMs} ms`;
      this.log('warn', `OCR worker: ${this.lastStartError}; ending it`);
      void worker.terminate();
    }, this.options.startTimeoutMs);
    this.startTimer.unref();
  }

  private onMessage(worker: Worker, message: WorkerMessage): void {
    if (worker !== this.worker) return;
    if ('type' in message) {
      if (message.type === 'ready') {
        this.clearStartTimer();
        this.ready = true;
        this.stats.loadMs = message.loadMs;
        this.log('info', `OCR engine ready (models loaded in ${message.loadMs} ms)`);
        this.pump();
      } else {
        this.lastStartError = message.message;
      }
      return;
    }
    const current = this.current;
    if (!current || current.job.id !== message.id) return;
    clearTimeout(current.timer);
    this.current = null;
    this.stats.served += 1;
    if (message.ok) current.job.resolve(message.result);
    else if (message.error.kind === 'bad-image') current.job.reject(new OcrBadImageError(message.error.message));
    else {
      // The engine itself failed (e.g. opencv.js out of memory): its state is suspect, so start afresh.
      current.job.reject(new OcrUnavailableError('crashed', message.error.message));
      this.stats.crashes += 1;
      this.log('warn', `OCR engine error: ${message.error.message.slice(0, 300)}; restarting its worker`);
      this.replaceWorker(worker);
      return;
    }
    this.pump();
  }

  private onExit(worker: Worker, code: number): void {
    if (worker !== this.worker) return;
    this.worker = null;
    this.clearStartTimer();
    const wasReady = this.ready;
    this.ready = false;
    if (this.current) {
      clearTimeout(this.current.timer);
      this.current.job.reject(new OcrUnavailableError('crashed', `worker exited (${code})`));
      this.current = null;
    }
    const tail = this.output.trim().slice(-500);
    if (!wasReady) {
      // The models never loaded: refuse for a while instead of restarting in a loop.
      this.lastStartError ||= `worker exited (${code}) while loading`;
      this.refuseUntil = Date.now() + (this.options.retryAfterMs ?? 30_000);
      this.log('warn', `OCR engine failed to start: ${this.lastStartError}${tail ? `\n${tail}` : ''}`);
      this.failAll(new OcrUnavailableError('not-started', this.lastStartError));
      return;
    }
    this.stats.crashes += 1;
    this.log('warn', `OCR worker exited (${code}); restarting${tail ? `\n${tail}` : ''}`);
    if (this.queue.length > 0) this.start();
  }

  private pump(): void {
    const worker = this.worker;
    if (!worker || !this.ready || this.current) return;
    const job = this.queue.shift();
    if (!job) return;
    const timer = setTimeout(() => {
      if (this.current?.job !== job) return;
      this.stats.timeouts += 1;
      this.current = null;
      job.reject(new OcrUnavailableError('timeout', `no answer within ${this.options.timeoutMs} ms`));
      this.log('warn', `OCR worker took longer than ${this.options.timeoutMs} ms; restarting it`);
      this.replaceWorker(worker);
    }, this.options.timeoutMs);
    this.current = { job, timer };
    worker.postMessage({ id: job.id, image: job.image }, [job.image]);
  }

  /** Forgets `worker` at once (its exit is then ignored), ends it, and carries on with a new one. */
  private replaceWorker(worker: Worker): void {
    if (this.worker === worker) {
      this.worker = null;
      this.ready = false;
    }
    void worker.terminate();
    if (this.queue.length > 0) this.start();
  }

  private failAll(error: Error): void {
    if (this.current) {
      clearTimeout(this.current.timer);
      this.current.job.reject(error);
      this.current = null;
    }
    for (const job of this.queue.splice(0)) job.reject(error);
  }

  private clearStartTimer(): void {
    if (this.startTimer) clearTimeout(this.startTimer);
    this.startTimer = null;
  }

  private log(level: keyof OcrLogger, message: string): void {
    this.options.logger?.[level](message);
  }
}

/** ocr-worker.mjs beside the extension's package.json, from the bundle (dist/) or the sources (src/ocr/). */
export function locateWorkerFile(): string {
  const candidates = ['../ocr-worker.mjs', '../../ocr-worker.mjs'].map((relative) => fileURLToPath(new URL(relative, import.meta.url)));
  return candidates.find((path) => existsSync(path)) ?? candidates[0] ?? 'ocr-worker.mjs';
}
