import { platformConfig } from '../config';
import { ocrEngine } from '../ocr/engine-instance';

interface ActionRegistrar {
  (event: string, handler: () => void): void;
}

interface WarmContext {
  env: Record<string, unknown>;
  logger: { info: (message: string) => void; warn: (message: string) => void };
}

/**
 * Loads the ID-card OCR models in the background once the server listens (never in CLI runs), so
 * the first 身份证识别 does not wait for them; PLATFORM_OCR_WARM=false defers it to the first image.
 */
export function warmOcrEngine(action: ActionRegistrar, context: WarmContext): void {
  action('server.start', () => {
    const config = platformConfig(context.env);
    const engine = ocrEngine(config, context.logger);
    if (config.PLATFORM_OCR_WARM) engine.warm();
  });
  action('server.stop', () => {
    void ocrEngine(platformConfig(context.env)).close();
  });
}
