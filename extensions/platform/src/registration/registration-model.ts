/**
 * 实名制登记's request as the server reads it: the model is the shared contract
 * (`schema/api/registrations.ts`); this reads its multipart field `data`.
 */
import { invalid } from '../http/errors';
import { parseJsonObject } from '../http/json-body';

/** The JSON of the multipart field `data`, refused with a clear 400 when absent, not JSON or not an object. */
export function parseDataField(raw: string | undefined): Record<string, unknown> {
  if (raw === undefined || raw.trim() === '') throw invalid('REQUIRED', '请填写登记信息', 'data');
  return parseJsonObject(Buffer.from(raw, 'utf8'), 'data');
}
