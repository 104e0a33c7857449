/**
 * People and their employments: each project is planned as slots (a post or a trade in a team,
 * on site or already left), a few left slots are linked to people now on site elsewhere, then
 * slots are filled in registration order with people whose ID card, home and age fit the job.
 */
import {
  EDUCATION_LEVELS,
  POLITICAL_STATUSES,
  RESIDENT_ID_CARD,
  findCode,
  resolveEthnicity,
  type WageSettlementMode,
} from '../schema/codes';
import { addDays, ageOn, daysBetween, isAfter, makeIdNumber, parseIdNumber, type IsoDate } from '../schema/rules';
import { GUANGYUAN_COUNTIES, HOME_COUNTIES, homeAddress, issuingAuthority, pickEthnicity, pickHomeCounty } from './addresses';
import { dayBetween, earlierOf, instantOn, laterOf, newCardNo, newPhone, type Ctx, type ProjectPlan, type TeamPlan } from './context';
import { personName } from './names';
import type { Rng } from './random';
import type { EmploymentRole, EmploymentRow, PersonRow, RecordedFacts } from './rows';
import { hms, plusSeconds, yearsBefore } from './time';
import { assignWageCards } from './wage-cards';

/** One employment to be filled by a person. */
interface Slot {
  project: ProjectPlan;
  team: TeamPlan;
  role: EmploymentRole;
  trade: string;
  status: 'on_site' | 'exited';
  entry: IsoDate;
  exit: IsoDate | null;
  /** The person, when the slot reuses someone from another slot (re-entry, moved between sites). */
  sameAs?: Slot;
}

/** The stored value for a label, so the generator keeps working if a list is renumbered. */
function codeFor(list: Parameters<typeof findCode>[0], label: string): string {
  const found = findCode(list, label);
  if (!found) throw new Error(`No code for ${label}`);
  return found.value;
}

/** Split `total` over `weights` in whole numbers (largest remainder), at least one each. */
function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const spare = total - weights.length;
  const exact = weights.map((weight) => (spare * weight) / sum);
  const counts = exact.map((value) => 1 + Math.floor(value));
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((value, index) => [value - Math.floor(value), index] as const).sort((a, b) => b[0] - a[0]);
  for (const [, index] of order) {
    if (left <= 0) break;
    counts[index] = (counts[index] ?? 0) + 1;
    left -= 1;
  }
  return counts;
}

/** The earliest day anyone still listed entered: the later of a few days after start and a year ago. */
function entryWindowStart(ctx: Ctx, project: ProjectPlan): IsoDate {
  return laterOf(addDays(project.start, 3), addDays(ctx.today, -360));
}

function workerEntry(ctx: Ctx, rng: Rng, project: ProjectPlan): IsoDate {
  // About one in eight arrived in the last five weeks; the rest mostly early on.
  if (rng.chance(0.12)) return laterOf(addDays(ctx.today, -rng.int(1, 34)), entryWindowStart(ctx, project));
  return dayBetween(rng, entryWindowStart(ctx, project), addDays(ctx.today, -35), 1.5);
}

function planSlots(ctx: Ctx, project: ProjectPlan, teams: readonly TeamPlan[]): Slot[] {
  const rng = ctx.rng.fork(`slots:${project.row.id}`);
  const size = ctx.small ? project.spec.size.small : project.spec.size.full;
  const windowStart = entryWindowStart(ctx, project);
  const slots: Slot[] = [];
  const management = teams.filter((team) => team.row.kind === 'management');
  const labour = teams.filter((team) => team.row.kind === 'worker');

  for (const team of management) {
    for (const post of team.posts) {
      const entry = addDays(windowStart, rng.int(0, 20));
      slots.push({ project, team, role: 'manager', trade: post, status: 'on_site', entry, exit: null });
    }
  }
  const managers = slots.length;
  const counts = apportion(size.onSite - managers, labour.map((team) => team.share));
  labour.forEach((team, index) => {
    for (let i = 0; i < (counts[index] ?? 0); i += 1) {
      const trade = rng.weighted(team.trades);
      slots.push({ project, team, role: 'worker', trade, status: 'on_site', entry: workerEntry(ctx, rng, project), exit: null });
    }
  });

  let exited = size.exited;
  for (const special of project.spec.keyPostCases) {
    const holder = slots.find((slot) => slot.role === 'manager' && slot.trade === special.post);
    if (!holder) continue;
    if (special.case === 'pending') holder.entry = addDays(ctx.today, -rng.int(1, 3));
    if (special.case === 'replaced') {
      // The former holder left a few months in; the current one took over days later.
      const exit = earlierOf(addDays(windowStart, rng.int(90, 150)), addDays(ctx.today, -60));
      slots.push({ ...holder, status: 'exited', entry: windowStart, exit });
      holder.entry = addDays(exit, rng.int(1, 5));
      exited -= 1;
    }
  }
  for (let i = 0; i < exited; i += 1) {
    const team = rng.weighted(labour.map((item) => [item, item.share] as const));
    const entry = dayBetween(rng, windowStart, addDays(ctx.today, -40), 1.2);
    const exit = earlierOf(addDays(entry, rng.int(20, 160)), ctx.yesterday);
    slots.push({ project, team, role: 'worker', trade: rng.weighted(team.trades), status: 'exited', entry, exit });
  }
  return slots;
}

/**
 * A few exited slots are filled by people who are on site again: two came back to the same
 * project, a few moved to another one. Their earlier stay ends before the later entry.
 */
function linkReturningPeople(ctx: Ctx, slots: Slot[]): void {
  const rng = ctx.rng.fork('returning');
  const candidates = rng.shuffle(
    slots.filter((slot) => slot.status === 'on_site' && slot.role === 'worker' && daysBetween(entryWindowStart(ctx, slot.project), slot.entry) > 80),
  );
  const exitedWorkers = slots.filter((slot) => slot.status === 'exited' && slot.role === 'worker');
  const wanted = ctx.small ? 2 : 6;
  for (const earlier of exitedWorkers.slice(0, wanted)) {
    const later = candidates.pop();
    if (!later) break;
    const windowStart = entryWindowStart(ctx, earlier.project);
    const exit = addDays(later.entry, -rng.int(3, 20));
    const entry = addDays(exit, -rng.int(25, 60));
    if (isAfter(windowStart, entry)) continue;
    earlier.entry = entry;
    earlier.exit = exit;
    earlier.sameAs = later;
  }
}

const OFTEN_FEMALE_TRADES: ReadonlySet<string> = new Set(['190', '390']);

function ageFor(rng: Rng, role: EmploymentRole, gender: 'male' | 'female'): number {
  if (role === 'manager') return gender === 'male' ? rng.int(25, 56) : rng.int(23, 45);
  if (gender === 'female') return rng.int(22, 49);
  const band = rng.weighted([[[20, 29], 10], [[30, 39], 20], [[40, 49], 35], [[50, 59], 35]] as const);
  return rng.int(band[0], band[1]);
}

/** A birth date making the person exactly `age` on `today`. */
function birthDateFor(rng: Rng, today: IsoDate, age: number): IsoDate {
  const latest = yearsBefore(today, age);
  const earliest = addDays(yearsBefore(today, age + 1), 1);
  const birth = dayBetween(rng, earliest, latest);
  return ageOn(birth, today) === age ? birth : latest;
}

/** The validity period on the back of the card: 10, 20 years or 长期 by age at issue; never expired. */
function cardValidity(rng: Rng, birth: IsoDate, today: IsoDate): { from: IsoDate; to: string } {
  for (let attempt = 0; attempt < 30; attempt += 1) {
    const from = addDays(today, -rng.int(30, 19 * 365));
    const age = ageOn(birth, from);
    if (age < 16) continue;
    const years = age < 26 ? 10 : age < 46 ? 20 : null;
    if (years === null) return { from, to: '长期' };
    const to = yearsBefore(from, -years);
    if (isAfter(to, addDays(today, 60))) return { from, to };
  }
  const from = addDays(today, -rng.int(30, 300));
  const age = ageOn(birth, from);
  return { from, to: age >= 46 ? '长期' : yearsBefore(from, age < 26 ? -10 : -20) };
}

function newIdNumber(ctx: Ctx, rng: Rng, region: string, birth: IsoDate, gender: 'male' | 'female'): string {
  for (;;) {
    const id = makeIdNumber(region, birth, rng.int(0, 499), gender);
    if (!ctx.idNumbers.has(id)) {
      ctx.idNumbers.add(id);
      return id;
    }
  }
}

const WORKER_EDUCATION = [['小学', 30], ['初中', 50], ['普通高中', 12], ['中等职业教育（中专、职高、技校）', 6], ['其他（含未上过学）', 2]] as const;
const MANAGER_EDUCATION = [['大学专科', 45], ['大学本科', 45], ['中等职业教育（中专、职高、技校）', 5], ['普通高中', 5]] as const;

/** A new person of the city and what their first project recorded about them (phone, education, political status). */
function makePerson(ctx: Ctx, rng: Rng, id: number, slot: Slot, createdAt: string): { person: PersonRow; facts: RecordedFacts } {
  const manager = slot.role === 'manager';
  const femaleShare = manager ? 0.25 : OFTEN_FEMALE_TRADES.has(slot.trade) ? 0.25 : 0.04;
  const gender = rng.chance(femaleShare) ? 'female' : 'male';
  const home = manager && rng.chance(0.7) ? pickHomeCounty(rng, GUANGYUAN_COUNTIES) : pickHomeCounty(rng, HOME_COUNTIES);
  const ethnicityLabel = pickEthnicity(rng, home);
  const ethnicity = resolveEthnicity(ethnicityLabel);
  if (!ethnicity) throw new Error(`Unknown ethnicity ${ethnicityLabel}`);
  const age = ageFor(rng, slot.role, gender);
  const birth = birthDateFor(rng, ctx.today, age);
  const idNumber = newIdNumber(ctx, rng, home.code, birth, gender);
  const parsed = parseIdNumber(idNumber);
  if (!parsed.ok) throw new Error(`Generated an invalid ID number ${idNumber}`);
  const validity = cardValidity(rng, birth, ctx.today);
  const education = rng.weighted(manager ? MANAGER_EDUCATION : WORKER_EDUCATION);
  const political = manager
    ? rng.weighted([['群众', 70], ['中共党员', 22], ['共青团员', age < 28 ? 8 : 0]] as const)
    : rng.weighted([['群众', 95], ['中共党员', 3], ['共青团员', age < 28 ? 4 : 0]] as const);
  const person: PersonRow = {
    id,
    name: personName(rng, gender, ethnicityLabel),
    id_type: RESIDENT_ID_CARD,
    id_number: idNumber,
    temporary_id: false,
    gender: parsed.gender,
    ethnicity,
    birth_date: parsed.birthDate,
    address: homeAddress(rng, home),
    issuing_authority: issuingAuthority(home),
    id_valid_from: validity.from,
    id_valid_to: validity.to,
    date_created: createdAt,
    date_updated: null,
  };
  const facts: RecordedFacts = {
    phone: newPhone(ctx, rng),
    education: codeFor(EDUCATION_LEVELS, education),
    political_status: codeFor(POLITICAL_STATUSES, political),
    bank_card_no: null,
    bank_name: null,
    id_card: { address: person.address, issuing_authority: person.issuing_authority, id_valid_from: person.id_valid_from, id_valid_to: person.id_valid_to },
  };
  return { person, facts };
}

interface Wage {
  wage_method: WageSettlementMode;
  wage_amount: number;
  wage_unit: string;
}

/** Piece-rate units and prices (元) by trade, where piece rates are usual. */
const PIECE_RATES: Readonly<Record<string, readonly [string, number, number]>> = {
  '010': ['立方米', 90, 160],
  '020': ['吨', 380, 650],
  '050': ['平方米', 40, 75],
  '190': ['平方米', 18, 45],
  '230': ['平方米', 15, 30],
  '240': ['平方米', 40, 75],
};

function wageFor(rng: Rng, role: EmploymentRole, trade: string): Wage {
  const round = (value: number, step: number): number => Math.round(value / step) * step;
  if (role === 'manager') {
    if (rng.chance(0.85)) {
      const lead = ['project_manager', 'chief_supervisor', 'owner_project_lead', 'technical_lead'].includes(trade);
      return { wage_method: 'monthly', wage_amount: round(lead ? rng.int(13000, 22000) : rng.int(6000, 12000), 500), wage_unit: '月' };
    }
    return { wage_method: 'daily', wage_amount: round(rng.int(300, 500), 10), wage_unit: '天' };
  }
  const piece = PIECE_RATES[trade];
  const mode = rng.weighted([['daily', 70], ['hourly', 10], ['piece', piece ? 10 : 0], ['monthly', 10]] as const);
  switch (mode) {
    case 'hourly':
      return { wage_method: 'hourly', wage_amount: rng.int(25, 55), wage_unit: '小时' };
    case 'monthly':
      return { wage_method: 'monthly', wage_amount: round(rng.int(6000, 11000), 500), wage_unit: '月' };
    case 'piece':
      if (piece) return { wage_method: 'piece', wage_amount: rng.int(piece[1], piece[2]), wage_unit: piece[0] };
      break;
    case 'daily':
      break;
  }
  const [low, high] = trade === '390' ? [200, 260] : [260, 450];
  return { wage_method: 'daily', wage_amount: round(rng.int(low, high), 10), wage_unit: '天' };
}

const EXIT_REASONS = ['班组工程量完成退场', '个人原因申请退场', '家中有事返乡', '转场至其他项目', '劳动合同期满'] as const;

export function buildStaff(
  ctx: Ctx,
  projects: readonly ProjectPlan[],
  teams: readonly TeamPlan[],
): { people: PersonRow[]; employments: EmploymentRow[] } {
  const slots = projects.flatMap((project) =>
    planSlots(ctx, project, teams.filter((team) => team.project === project)),
  );
  linkReturningPeople(ctx, slots);
  // Registration order: ids (and device pins) grow with the entry date, as they would in real use.
  const ordered = slots
    .map((slot, index) => ({ slot, index }))
    .sort((a, b) => (a.slot.entry < b.slot.entry ? -1 : a.slot.entry > b.slot.entry ? 1 : a.index - b.index))
    .map((item) => item.slot);

  const rng = ctx.rng.fork('people');
  const people: PersonRow[] = [];
  const employments: EmploymentRow[] = [];
  const pins = new Map<number, number>();
  const bySlot = new Map<Slot, { person: PersonRow; facts: RecordedFacts }>();
  for (const slot of ordered) {
    const shared = slot.sameAs ?? ordered.find((other) => other.sameAs === slot);
    const createdAt = instantOn(rng, slot.entry, hms(8), hms(10, 30));
    let made = shared ? bySlot.get(shared) : undefined;
    if (!made) {
      made = makePerson(ctx, rng, people.length + 1, slot, plusSeconds(createdAt, -rng.int(30, 300)));
      people.push(made.person);
    }
    bySlot.set(slot, made);
    const { person, facts } = made;
    const pin = (pins.get(slot.project.row.id) ?? 0) + 1;
    pins.set(slot.project.row.id, pin);
    employments.push({
      id: employments.length + 1,
      project: slot.project.row.id,
      person: person.id,
      team: slot.team.row.id,
      unit: slot.team.row.unit,
      role: slot.role,
      trade: slot.trade,
      card_no: rng.chance(0.5) ? newCardNo(ctx, rng) : null,
      device_pin: String(pin).padStart(6, '0'),
      entry_date: slot.entry,
      exit_date: slot.exit,
      status: slot.status,
      exit_reason: slot.status === 'exited' ? rng.pick(EXIT_REASONS) : null,
      ...wageFor(rng, slot.role, slot.trade),
      contract_template: null,
      date_created: createdAt,
      // A returning person tells each project the same phone (and card, set below).
      ...facts,
    });
  }
  assignTeamLeaders(teams, employments, people);
  assignWageCards(ctx.rng.fork('wage-cards'), people, employments, projects);
  return { people, employments };
}

const LEADING_POSTS: readonly string[] = ['project_manager', 'chief_supervisor', 'owner_project_lead'];

/** The leader of a labour team is its longest-serving member; of a management team, its lead post. */
function assignTeamLeaders(teams: readonly TeamPlan[], employments: readonly EmploymentRow[], people: readonly PersonRow[]): void {
  for (const team of teams) {
    const members = employments.filter((item) => item.team === team.row.id && item.status === 'on_site');
    const leader = members.find((item) => LEADING_POSTS.includes(item.trade)) ?? members[0];
    const person = leader ? people[leader.person - 1] : undefined;
    if (!person || !leader) continue;
    team.row.leader_name = person.name;
    team.row.leader_phone = leader.phone;
  }
}
