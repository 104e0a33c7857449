import { SUMMARY_LABELS, SummaryQuery, type AttendanceSummary } from '../../../../../../schema/api/site';
import { attendanceSummary } from '../../../attendance/summary';
import { platformConfig } from '../../../config';
import { projectScope } from '../../../http/scope';
import { parseInput } from '../../../http/validate';
import type { HandlerContext } from '../context';

/** GET /platform/attendance/summary?period=day|week|month&date=YYYY-MM-DD — 出勤一览表 of the caller's project (today's day view live). */
export async function getAttendanceSummary({ req, database, env }: HandlerContext): Promise<AttendanceSummary> {
  const scope = await projectScope(req, database);
  const query = parseInput(SummaryQuery, req.query, SUMMARY_LABELS);
  const config = platformConfig(env);
  return attendanceSummary(database, scope.projectId, query, new Date(), {
    thresholds: { attendance: config.PLATFORM_ATTENDANCE_WARN_RATE, key_posts: config.PLATFORM_KEYPOST_WARN_RATE },
    valid_rule: { min_punches: config.PLATFORM_ATTENDANCE_VALID_MIN_PUNCHES, min_hours: config.PLATFORM_ATTENDANCE_VALID_MIN_HOURS },
    arrival_by: config.PLATFORM_ATTENDANCE_ARRIVAL_BY,
  });
}
