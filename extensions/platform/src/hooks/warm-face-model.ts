import { faceEngine } from '../faces/face-engine';

interface ActionRegistrar {
  (event: string, handler: () => void): void;
}

interface WarmContext {
  logger: { info: (message: string) => void; warn: (message: string) => void };
}

/**
 * Loads the face model in its worker thread once the server listens (never in CLI runs), so the
 * first 人脸核验 does not wait for it; stops the worker with the server.
 */
export function warmFaceModel(action: ActionRegistrar, context: WarmContext): void {
  action('server.start', () => faceEngine().warmUp((message) => context.logger.info(`[platform] ${message}`)));
  action('server.stop', () => void faceEngine().close());
}
