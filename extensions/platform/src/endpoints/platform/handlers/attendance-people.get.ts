import { AttendancePeopleQuery, SUMMARY_LABELS, type AttendancePeoplePage } from '../../../../../../schema/api/site';
import { attendancePeople } from '../../../attendance/summary';
import { projectScope } from '../../../http/scope';
import { parseInput } from '../../../http/validate';
import type { HandlerContext } from '../context';

/**
 * GET /platform/attendance/people?period=&date=&status=present|partial|absent&team=&page= — 更多:
 * who of the caller's project was present, punched too little, or absent (names only, no ID data).
 */
export async function listAttendancePeople({ req, database }: HandlerContext): Promise<AttendancePeoplePage> {
  const scope = await projectScope(req, database);
  const query = parseInput(AttendancePeopleQuery, req.query, SUMMARY_LABELS);
  return attendancePeople(database, scope.projectId, query, new Date());
}
