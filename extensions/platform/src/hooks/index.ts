import { defineHook } from '@directus/extensions-sdk';
import { registerCli } from '../cli/register';
import { forgetDeviceCaches } from './forget-device-caches';
import { guardAppendOnly } from './guard-append-only';
import { guardDeviceSettings } from './guard-device-settings';
import { handleWarningUpdates } from './handle-warnings';
import { hashCredentialTokens } from './hash-credential-tokens';
import { mountDeviceEndpoints } from './mount-device-endpoints';
import { queueDeviceEnrolment } from './queue-device-enrolment';
import { retryDeviceDelivery } from './retry-device-delivery';
import { scheduleAttendanceRollup } from './schedule-attendance-rollup';
import { scheduleDeviceDelivery } from './schedule-device-delivery';
import { validateDeviceSettings } from './validate-device-settings';
import { warmFaceModel } from './warm-face-model';
import { warmOcrEngine } from './warm-ocr';

/** Registers the platform's hooks; each hook lives in its own file. */
export default defineHook(({ init, filter, action }, context) => {
  init('cli.before', ({ program }) => registerCli(program, context));
  guardAppendOnly(filter);
  validateDeviceSettings(filter);
  handleWarningUpdates(filter, context);
  hashCredentialTokens(filter, context);
  guardDeviceSettings(filter, context);
  queueDeviceEnrolment(action, context);
  retryDeviceDelivery(action, context);
  mountDeviceEndpoints(init, context);
  forgetDeviceCaches(action);
  scheduleAttendanceRollup(action, context);
  scheduleDeviceDelivery(action, context);
  warmOcrEngine(action, context);
  warmFaceModel(action, context);
});
