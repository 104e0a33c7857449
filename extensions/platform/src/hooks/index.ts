import { defineHook } from '@directus/extensions-sdk';
import { registerCli } from '../cli/register';
import { auditIdentityCorrections } from './audit-identity-corrections';
import { forgetDeviceCaches } from './forget-device-caches';
import { guardAppendOnly } from './guard-append-only';
import { handleWarningUpdates } from './handle-warnings';
import { mountDeviceEndpoints } from './mount-device-endpoints';
import { parsePlatformJson } from './parse-platform-json';
import { queueDeviceEnrolment } from './queue-device-enrolment';
import { scheduleAttendanceRollup } from './schedule-attendance-rollup';
import { validateDeviceSettings } from './validate-device-settings';
import { warmFaceModel } from './warm-face-model';
import { warmOcrEngine } from './warm-ocr';

/** Registers the platform's hooks; each hook lives in its own file. */
export default defineHook(({ init, filter, action }, context) => {
  init('cli.before', ({ program }) => registerCli(program, context));
  guardAppendOnly(filter);
  validateDeviceSettings(filter);
  handleWarningUpdates(filter, context);
  auditIdentityCorrections(filter, context);
  queueDeviceEnrolment(action, context);
  mountDeviceEndpoints(init, context);
  parsePlatformJson(init);
  forgetDeviceCaches(action);
  scheduleAttendanceRollup(action, context);
  warmOcrEngine(action, context);
  warmFaceModel(action, context);
});
