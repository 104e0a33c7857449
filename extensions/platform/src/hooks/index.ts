import { defineHook } from '@directus/extensions-sdk';
import { registerCli } from '../cli/register';
import { auditStudioChanges } from './audit-studio-changes';
import { fixFolderListing } from './fix-folder-listing';
import { forgetDeviceCaches } from './forget-device-caches';
import { guardAppendOnly } from './guard-append-only';
import { guardGenericExports } from './guard-generic-exports';
import { handleWarningUpdates } from './handle-warnings';
import { maskPersonalData } from './mask-personal-data';
import { mountDeviceEndpoints } from './mount-device-endpoints';
import { queueDeviceEnrolment } from './queue-device-enrolment';
import { refuseMachineFields } from './refuse-machine-fields';
import { scheduleAttendanceRollup } from './schedule-attendance-rollup';
import { scheduleKeyPostExits } from './schedule-key-post-exits';
import { serveRootFavicon } from './serve-root-favicon';
import { validateDeviceSettings } from './validate-device-settings';
import { warmFaceModel } from './warm-face-model';
import { warmOcrEngine } from './warm-ocr';

/** Registers the platform's hooks; each hook lives in its own file. */
export default defineHook(({ init, filter, action }, context) => {
  init('cli.before', ({ program }) => registerCli(program, context));
  guardAppendOnly(filter);
  refuseMachineFields(filter);
  validateDeviceSettings(filter);
  handleWarningUpdates(filter, context);
  maskPersonalData(filter);
  guardGenericExports(filter, init, context);
  auditStudioChanges(filter, action, context);
  fixFolderListing(init);
  queueDeviceEnrolment(action, context);
  mountDeviceEndpoints(init, context);
  serveRootFavicon(init, context);
  forgetDeviceCaches(action);
  scheduleAttendanceRollup(action, context);
  scheduleKeyPostExits(action, context);
  warmOcrEngine(action, context);
  warmFaceModel(action, context);
});
