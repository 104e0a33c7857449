/**
 * A project's daily numbers: who was on site, who was present (valid attendance), the attendance
 * rate, and how many required key posts (KEY_POST_MATRIX) had their holder present.
 */
import { KEY_POST_APPROVED_STATUSES, requiredKeyPosts } from '../../../../schema/codes/keyPosts';
import { isAfter, isBefore, type IsoDate } from '../../../../schema/rules/dates';

/** The entry/exit span of an employment (exit_date is the last day on site). */
export interface Stay {
  entry_date: IsoDate;
  exit_date: IsoDate | null;
}

/** Whether an employment was on site on `day`: entered on or before it, not exited before it. */
export function onSiteOn(stay: Stay, day: IsoDate): boolean {
  return !isAfter(stay.entry_date, day) && (stay.exit_date === null || !isBefore(stay.exit_date, day));
}

/** Days of `stay` inside [from, to] (0 when they do not overlap). */
export function onSiteDaysWithin(stay: Stay, from: IsoDate, to: IsoDate): number {
  const start = isAfter(stay.entry_date, from) ? stay.entry_date : from;
  const end = stay.exit_date !== null && isBefore(stay.exit_date, to) ? stay.exit_date : to;
  if (isAfter(start, end)) return 0;
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000) + 1;
}

/** `part ÷ whole` to four decimals (what the decimal(5,4) columns hold); null when `whole` is 0. */
export function rate(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  return Math.round((part / whole) * 10_000) / 10_000;
}

/** A key_posts row as the roll-up reads it. */
export interface KeyPostHolding {
  unit_role: string;
  post: string;
  person: number;
  status: string;
  entry_date?: IsoDate | null;
  exit_date?: IsoDate | null;
}

/** A key_posts row as the database gives it (dates as stored). */
export function toKeyPostHolding(row: Record<string, unknown>, readDay: (value: unknown) => IsoDate | null): KeyPostHolding {
  return {
    unit_role: String(row['unit_role']),
    post: String(row['post']),
    person: Number(row['person']),
    status: String(row['status']),
    entry_date: readDay(row['entry_date']),
    exit_date: readDay(row['exit_date']),
  };
}

/** Statuses in which a bureau-approved holder has (or had, up to exit_date) the post. */
const APPROVED_STATUSES: ReadonlySet<string> = new Set(KEY_POST_APPROVED_STATUSES);

/** Whether `holding` held its post on `day`: approved, entered by then, not yet exited. */
export function holdsPostOn(holding: KeyPostHolding, day: IsoDate): boolean {
  if (!APPROVED_STATUSES.has(holding.status)) return false;
  if (holding.entry_date && isAfter(holding.entry_date, day)) return false;
  return !holding.exit_date || !isBefore(holding.exit_date, day);
}

export interface KeyPostPresence {
  /** Seats the bureau requires: Σ min over KEY_POST_MATRIX for the project's unit types. */
  required: number;
  /** Required seats whose approved holder had a valid attendance day (at most `min` per post). */
  present: number;
}

/**
 * Key-post presence on `day`. A vacant post, a post whose holder is still awaiting approval, and a
 * post whose holder did not come all count as absent: the rate measures the posts, not the people.
 */
export function keyPostPresence(
  unitRoles: readonly string[],
  holdings: readonly KeyPostHolding[],
  presentPersons: ReadonlySet<number>,
  day: IsoDate,
): KeyPostPresence {
  let required = 0;
  let present = 0;
  for (const unitRole of new Set(unitRoles)) {
    for (const { post, min } of requiredKeyPosts(unitRole)) {
      required += min;
      const holders = new Set(
        holdings.filter((h) => h.unit_role === unitRole && h.post === post && holdsPostOn(h, day) && presentPersons.has(h.person)).map((h) => h.person),
      );
      present += Math.min(min, holders.size);
    }
  }
  return { required, present };
}
