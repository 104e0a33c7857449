/**
 * What the demo generator's table families share: the run's clock and seeded generator, the
 * sets that keep phones, cards and ID numbers unique city-wide, the plans of projects and teams,
 * and small drawing helpers.
 */
import type { ManagementPost, ParticipationType, Trade } from '../schema/codes';
import { addDays, daysBetween, isAfter, type IsoDate } from '../schema/rules';
import type { ProjectSpec } from './catalogue';
import type { Rng } from './random';
import type { DeclaredUnit, ProjectRow, TeamRow } from './rows';
import { shanghaiInstant } from './time';

/** Shared state of one generation run. */
export interface Ctx {
  today: IsoDate;
  yesterday: IsoDate;
  now: string;
  small: boolean;
  rng: Rng;
  phones: Set<string>;
  cards: Set<string>;
  idNumbers: Set<string>;
}

export interface ProjectPlan {
  spec: ProjectSpec;
  row: ProjectRow;
  code: string | null;
  start: IsoDate;
  /** Main-unit contacts as declared, reused as the project_units contacts. */
  declared: DeclaredUnit[];
}

export interface TeamPlan {
  row: TeamRow;
  project: ProjectPlan;
  participation: ParticipationType;
  trades: readonly (readonly [Trade, number])[];
  posts: readonly ManagementPost[];
  share: number;
}

const MOBILE_PREFIXES = [
  '133', '153', '180', '181', '189', '177', '173', '199', '130', '131', '132', '155', '156', '185', '186',
  '176', '166', '134', '135', '136', '137', '138', '139', '150', '151', '152', '157', '158', '159', '182',
  '183', '187', '188', '178', '198', '147', '195',
] as const;

/** A mobile number no one else in the city has. */
export function newPhone(ctx: Ctx, rng: Rng): string {
  for (;;) {
    const phone = rng.pick(MOBILE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, '0');
    if (!ctx.phones.has(phone)) {
      ctx.phones.add(phone);
      return phone;
    }
  }
}

/** A 10-digit attendance card number (an EM/IC card's printed id) unique in the city. */
export function newCardNo(ctx: Ctx, rng: Rng): string {
  for (;;) {
    const card = String(rng.int(100_000, 16_777_215)).padStart(10, '0');
    if (!ctx.cards.has(card)) {
      ctx.cards.add(card);
      return card;
    }
  }
}

/** A random day between `from` and `to`, both inclusive; `skew` > 1 favours early days. */
export function dayBetween(rng: Rng, from: IsoDate, to: IsoDate, skew = 1): IsoDate {
  const span = Math.max(0, daysBetween(from, to));
  return addDays(from, Math.floor(rng.next() ** skew * (span + 1)));
}

/** A UTC instant on `date` between two Shanghai clock readings. */
export function instantOn(rng: Rng, date: IsoDate, fromSeconds: number, toSeconds: number): string {
  return shanghaiInstant(date, rng.int(fromSeconds, toSeconds));
}

export const laterOf = (a: IsoDate, b: IsoDate): IsoDate => (isAfter(a, b) ? a : b);
export const earlierOf = (a: IsoDate, b: IsoDate): IsoDate => (isAfter(a, b) ? b : a);
