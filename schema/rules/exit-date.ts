/**
 * 退场日期: when someone may be recorded as leaving a project or a post. Shared by every exit
 * (a person, a team, a key post) on the server and by the H5's date pickers.
 */
import { isAfter, isBefore, isIsoDate, type IsoDate } from './dates';

export type ExitDateCode = 'EXIT_DATE_FORMAT' | 'EXIT_BEFORE_ENTRY' | 'EXIT_IN_FUTURE';

export type ExitDateCheck = { ok: true; exitDate: IsoDate } | { ok: false; code: ExitDateCode; message: string };

/** An exit date is a real date, not before the entry date and not after today (the exit day itself may be the entry day). */
export function checkExitDate(exitDate: string, entryDate: IsoDate | null, today: IsoDate): ExitDateCheck {
  if (!isIsoDate(exitDate)) return { ok: false, code: 'EXIT_DATE_FORMAT', message: '退场日期格式不正确，应为 YYYY-MM-DD' };
  if (entryDate && isBefore(exitDate, entryDate)) {
    return { ok: false, code: 'EXIT_BEFORE_ENTRY', message: `退场日期不能早于进场日期（${entryDate}）` };
  }
  if (isAfter(exitDate, today)) return { ok: false, code: 'EXIT_IN_FUTURE', message: '退场日期不能晚于今天' };
  return { ok: true, exitDate };
}
