import { listAttendancePeople } from './handlers/attendance-people.get';
import { getAttendanceSummary } from './handlers/attendance-summary.get';
import { listDevices } from './handlers/devices.get';
import { listPunches } from './handlers/punches.get';
import { addManualPunch } from './handlers/punches.post';
import type { RouteKit } from './routes';

/** Devices and attendance of the caller's project: 出勤一览表, 出勤记录 (and 补录), 设备状态. */
export function siteRoutes({ router, json }: RouteKit): void {
  router.get('/devices', json(listDevices));
  router.get('/punches', json(listPunches));
  router.post('/punches', json(addManualPunch, 201));
  router.get('/attendance/summary', json(getAttendanceSummary));
  router.get('/attendance/people', json(listAttendancePeople));
}
