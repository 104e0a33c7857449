/**
 * When the scheduler raises and clears warnings (预警). Pure: given a project's numbers and the
 * warnings open now, it says which to raise, which to refresh and which to resolve.
 *
 * - 出勤率偏低 (attendance_rate): the last complete day's present ÷ on site is below the threshold.
 * - 关键岗位在岗率不足 (key_post_presence): the last complete day's key-post presence is below it.
 * - 长期未打卡 (long_absence, one per employment): a person on site has not punched for N full
 *   days; the user guide says such people must be exited, or the project's rate suffers.
 * A warning stays one row per project + kind + subject while its cause lasts (value and message
 * follow the latest figures) and is resolved when the cause is gone.
 */
import type { WarningKind } from '../../../../schema/codes/warnings';
import { addDays, daysBetween, type IsoDate } from '../../../../schema/rules/dates';
import type { PlatformConfig } from '../config';

export interface WarningThresholds {
  /** Raise 出勤率偏低 below this fraction. */
  attendanceRate: number;
  /** Raise 关键岗位在岗率不足 below this fraction. */
  keyPostRate: number;
  /** Raise 长期未打卡 after this many full days without a punch. */
  noPunchDays: number;
}

export function warningThresholds(
  config: Pick<PlatformConfig, 'PLATFORM_ATTENDANCE_WARN_RATE' | 'PLATFORM_KEYPOST_WARN_RATE' | 'PLATFORM_NO_PUNCH_WARN_DAYS'>,
): WarningThresholds {
  return {
    attendanceRate: config.PLATFORM_ATTENDANCE_WARN_RATE,
    keyPostRate: config.PLATFORM_KEYPOST_WARN_RATE,
    noPunchDays: config.PLATFORM_NO_PUNCH_WARN_DAYS,
  };
}

/** A warning that should be open now. */
export interface WantedWarning {
  kind: WarningKind;
  /** null for project-wide kinds; the employment id for long_absence. */
  subject: string | null;
  value: number;
  threshold: number;
  message: string;
  /** The day the figures are about. */
  raised_on: IsoDate;
}

/** One project_days row, as the decisions need it. */
export interface ProjectDayNumbers {
  day: IsoDate;
  on_site: number;
  present: number;
  key_posts_required: number;
  key_posts_present: number;
}

const percent = (fraction: number): string => `${(Math.round(fraction * 1000) / 10).toString()}%`;
const round4 = (value: number): number => Math.round(value * 10_000) / 10_000;

/** The project-wide warnings a complete day calls for (none for a day with nobody on site). */
export function projectDayWarnings(numbers: ProjectDayNumbers, thresholds: WarningThresholds): WantedWarning[] {
  const wanted: WantedWarning[] = [];
  if (numbers.on_site > 0) {
    const attendance = numbers.present / numbers.on_site;
    if (attendance < thresholds.attendanceRate) {
      wanted.push({
        kind: 'attendance_rate',
        subject: null,
        value: round4(attendance),
        threshold: thresholds.attendanceRate,
        raised_on: numbers.day,
        message: `${numbers.day} 出勤率 ${percent(attendance)}（出勤 ${numbers.present} 人 / 在场 ${numbers.on_site} 人），低于 ${percent(thresholds.attendanceRate)}；已离场人员请及时办理退场`,
      });
    }
  }
  if (numbers.key_posts_required > 0) {
    const presence = numbers.key_posts_present / numbers.key_posts_required;
    if (presence < thresholds.keyPostRate) {
      wanted.push({
        kind: 'key_post_presence',
        subject: null,
        value: round4(presence),
        threshold: thresholds.keyPostRate,
        raised_on: numbers.day,
        message: `${numbers.day} 关键岗位在岗率 ${percent(presence)}（到岗 ${numbers.key_posts_present} / 应到 ${numbers.key_posts_required} 个岗位），低于 ${percent(thresholds.keyPostRate)}`,
      });
    }
  }
  return wanted;
}

/** A person on site, with the last local day they punched (null when never). */
export interface AbsenceCandidate {
  employment: number;
  name: string;
  entry_date: IsoDate;
  last_punch_day: IsoDate | null;
}

/**
 * Full days before `today` without a punch since the last punch (or since entry, for someone who
 * never punched). Today does not count: it is not over.
 */
export function missedDays(candidate: Pick<AbsenceCandidate, 'entry_date' | 'last_punch_day'>, today: IsoDate): number {
  const lastActive = candidate.last_punch_day ?? addDays(candidate.entry_date, -1);
  return Math.max(0, daysBetween(lastActive, today) - 1);
}

/** 长期未打卡 warnings for the people on site who missed `noPunchDays` days or more. */
export function longAbsenceWarnings(candidates: readonly AbsenceCandidate[], today: IsoDate, thresholds: WarningThresholds): WantedWarning[] {
  return candidates.flatMap((candidate): WantedWarning[] => {
    const missed = missedDays(candidate, today);
    if (missed < thresholds.noPunchDays) return [];
    const since = candidate.last_punch_day ? `最后打卡 ${candidate.last_punch_day}` : `${candidate.entry_date} 进场后未打卡`;
    return [
      {
        kind: 'long_absence',
        subject: String(candidate.employment),
        value: missed,
        threshold: thresholds.noPunchDays,
        raised_on: today,
        message: `${candidate.name} 已连续 ${missed} 天未打卡（${since}），如已离场请及时办理退场`,
      },
    ];
  });
}

/** A warning row that is open (or handled by a person but not yet resolved). */
export interface ActiveWarning {
  id: number;
  kind: string;
  subject: string | null;
}

export interface WarningPlan {
  raise: WantedWarning[];
  /** Open warnings whose cause lasts: their value and message follow the latest figures. */
  refresh: { id: number; wanted: WantedWarning }[];
  resolve: number[];
}

const keyOf = (warning: { kind: string; subject: string | null }): string => `${warning.kind}|${warning.subject ?? ''}`;

/**
 * Reconciles the active warnings of the `kinds` decided on with what should be open: one row per
 * kind and subject. Active warnings of other kinds are left alone; duplicates (which the
 * scheduler's lock prevents) are resolved so one remains.
 */
export function planWarnings(active: readonly ActiveWarning[], wanted: readonly WantedWarning[], kinds: readonly WarningKind[]): WarningPlan {
  const decided = new Set<string>(kinds);
  const wantedByKey = new Map(wanted.filter((w) => decided.has(w.kind)).map((w) => [keyOf(w), w]));
  const plan: WarningPlan = { raise: [], refresh: [], resolve: [] };
  const kept = new Set<string>();
  for (const warning of [...active].sort((a, b) => a.id - b.id)) {
    if (!decided.has(warning.kind)) continue;
    const key = keyOf(warning);
    const match = wantedByKey.get(key);
    if (match && !kept.has(key)) {
      kept.add(key);
      plan.refresh.push({ id: warning.id, wanted: match });
    } else {
      plan.resolve.push(warning.id);
    }
  }
  for (const [key, warning] of wantedByKey) if (!kept.has(key)) plan.raise.push(warning);
  return plan;
}
