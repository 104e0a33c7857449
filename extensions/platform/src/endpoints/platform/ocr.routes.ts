import { readIdCardPhoto } from './handlers/ocr-id-card.post';
import type { RouteKit } from './routes';

/** 身份证识别 for the registration form: reads a photo, stores nothing. */
export function ocrRoutes({ router, json }: RouteKit): void {
  router.post('/ocr/id-card', json(readIdCardPhoto));
}
