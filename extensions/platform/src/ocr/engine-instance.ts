/**
 * The one OCR engine of this server process, shared by the endpoint and the start-up warm-up
 * (both live in the one bundle module, so this state is shared).
 */
import type { PlatformConfig } from '../config';
import { locateWorkerFile, OcrEngine, type OcrLogger } from './ocr-engine';

let engine: OcrEngine | undefined;

/** The process's engine, created on first use from the PLATFORM_OCR_* settings. */
export function ocrEngine(config: PlatformConfig, logger?: OcrLogger): OcrEngine {
  engine ??= new OcrEngine({
    workerFile: locateWorkerFile(),
    ...(config.PLATFORM_OCR_MODULES_DIR ? { modulesFrom: config.PLATFORM_OCR_MODULES_DIR } : {}),
    timeoutMs: config.PLATFORM_OCR_TIMEOUT_MS,
    startTimeoutMs: config.PLATFORM_OCR_START_TIMEOUT_MS,
    maxQueue: config.PLATFORM_OCR_QUEUE_MAX,
    threads: config.PLATFORM_OCR_THREADS,
    ...(logger ? { logger } : {}),
  });
  return engine;
}
