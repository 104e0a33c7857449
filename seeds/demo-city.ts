/**
 * The demo city: four projects in 广元市 with their companies, teams, about a thousand people,
 * key posts, contracts, gate devices and five weeks of punches. A pure function of its
 * options: the same `today` (and `now`) gives the same rows, byte for byte, because every
 * random choice comes from one seeded generator, forked per concern. This file builds the
 * organisations (companies, projects, units, teams, key posts, contracts, audit trail);
 * staff.ts the people, devices.ts the terminals, punches.ts the attendance.
 */
import { KEY_POST_MATRIX, MAIN_UNIT_ROLES, PARTICIPATION, type ContractTermType } from '../schema/codes';
import { addDays, makeUscc, type IsoDate } from '../schema/rules';
import { COMPANIES, MANAGEMENT_TEAMS, PROJECTS, TEAM_TRADES, projectCode, type CompanyKey } from './catalogue';
import { instantOn, laterOf, newPhone, type Ctx, type ProjectPlan, type TeamPlan } from './context';
import { buildDeviceCommands, buildDevices } from './devices';
import { personName } from './names';
import { simulatePunches } from './punches';
import { createRng, type Rng } from './random';
import {
  DEMO_BUREAU_ACTOR,
  type AuditLogRow,
  type ContractRow,
  type DeclaredUnit,
  type DemoCity,
  type EmploymentRow,
  type KeyPostRow,
  type ProjectRow,
  type ProjectUnitRow,
  type TeamRow,
  type UnitRow,
} from './rows';
import { buildStaff } from './staff';
import { hms, plusSeconds, shanghaiInstant } from './time';

export type { DemoCity } from './rows';
export { DEMO_BUREAU_ACTOR, DEMO_TABLES } from './rows';

export interface DemoCityOptions {
  /** A city of about 100 people and 7 days of punches, for tests. */
  small?: boolean;
  /** The current date in Asia/Shanghai, 'YYYY-MM-DD'. Punches end the day before. */
  today: IsoDate;
  /**
   * The current instant (UTC ISO); only device heartbeats depend on it, so online devices look
   * online. Defaults to midnight at the start of `today` in Shanghai.
   */
  now?: string;
}

const SEED = 20260415;
const PUNCH_DAYS = { full: 35, small: 7 } as const;

interface Company {
  key: CompanyKey;
  name: string;
  uscc: string;
  legalPerson: string;
  contactName: string;
  contactPhone: string;
}

/**
 * The demo city for `today`.
 * @example generateDemoCity({ today: '2026-04-15', small: true }).projects.length // 4
 */
export function generateDemoCity(options: DemoCityOptions): DemoCity {
  const small = options.small ?? false;
  const ctx: Ctx = {
    today: options.today,
    yesterday: addDays(options.today, -1),
    now: options.now ?? shanghaiInstant(options.today, 0),
    small,
    rng: createRng(SEED),
    phones: new Set(),
    cards: new Set(),
    idNumbers: new Set(),
  };
  const companies = buildCompanies(ctx);
  const projects = buildProjects(ctx, companies);
  const { units, projectUnits, unitIds } = buildUnits(ctx, projects, companies);
  const teams = buildTeams(ctx, projects, unitIds);
  const { people, employments } = buildStaff(ctx, projects, teams);
  const keyPosts = buildKeyPosts(ctx, projects, projectUnits, employments);
  const devices = buildDevices(ctx, projects);
  return {
    projects: projects.map((project) => project.row),
    units,
    project_units: projectUnits,
    teams: teams.map((team) => team.row),
    people,
    employments,
    key_posts: keyPosts,
    contracts: buildContracts(ctx, projects, employments),
    devices,
    device_commands: buildDeviceCommands(ctx, devices, employments, people),
    punches: simulatePunches({
      today: ctx.today,
      days: small ? PUNCH_DAYS.small : PUNCH_DAYS.full,
      employments,
      devices,
      absentees: (projectId) => (small ? 1 : projectId === projects[0]?.row.id ? 8 : 3),
      rng: ctx.rng.fork('punches'),
    }),
    audit_log: buildAuditLog(projects, keyPosts),
  };
}

// ---------------------------------------------------------------------------------------------
// Companies, projects, units

function buildCompanies(ctx: Ctx): Map<CompanyKey, Company> {
  const rng = ctx.rng.fork('companies');
  const companies = new Map<CompanyKey, Company>();
  const used = new Set<number>();
  for (const key of Object.keys(COMPANIES) as CompanyKey[]) {
    const spec: { name: string; regionCode: string; registry?: string; kind?: string } = COMPANIES[key];
    let seq = rng.int(0, 31 ** 6 - 1);
    while (used.has(seq)) seq = rng.int(0, 31 ** 6 - 1);
    used.add(seq);
    companies.set(key, {
      key,
      name: spec.name,
      uscc: makeUscc(seq, { regionCode: spec.regionCode, registry: spec.registry ?? '9', kind: spec.kind ?? '1' }),
      legalPerson: personName(rng, rng.chance(0.88) ? 'male' : 'female', '汉'),
      contactName: personName(rng, rng.chance(0.6) ? 'male' : 'female', '汉'),
      contactPhone: newPhone(ctx, rng),
    });
  }
  return companies;
}

const BANK_ACCOUNT_PREFIX: Readonly<Record<string, string>> = {
  中国农业银行: '2271',
  中国建设银行: '5105',
  中国邮政储蓄银行: '9510',
};

function payrollAccountNo(rng: Rng, bank: string): string {
  const prefix = Object.entries(BANK_ACCOUNT_PREFIX).find(([name]) => bank.startsWith(name))?.[1] ?? '6228';
  let digits = prefix;
  while (digits.length < 19) digits += String(rng.int(0, 9));
  return digits;
}

function companyOf(companies: Map<CompanyKey, Company>, key: CompanyKey): Company {
  const company = companies.get(key);
  if (!company) throw new Error(`Unknown company ${key}`);
  return company;
}

function buildProjects(ctx: Ctx, companies: Map<CompanyKey, Company>): ProjectPlan[] {
  return PROJECTS.map((spec, index) => {
    const rng = ctx.rng.fork(`project:${index}`);
    const code = projectCode(spec);
    const start = addDays(ctx.today, -spec.startDaysAgo);
    const submittedOn = addDays(ctx.today, -spec.submittedDaysAgo);
    const permitOn = addDays(submittedOn, -rng.int(5, 15));
    const submittedAt = instantOn(rng, submittedOn, hms(9), hms(17));
    const approved = spec.status === 'approved';
    const reviewedAt = approved ? instantOn(rng, addDays(submittedOn, 2), hms(9, 30), hms(11, 30)) : null;
    const declared: DeclaredUnit[] = MAIN_UNIT_ROLES.map((role) => ({
      role,
      name: companyOf(companies, spec.mainUnits[role]).name,
      uscc: companyOf(companies, spec.mainUnits[role]).uscc,
      contact_name: personName(rng, rng.chance(0.7) ? 'male' : 'female', '汉'),
      contact_phone: newPhone(ctx, rng),
    }));
    const contractor = declared.find((unit) => unit.role === PARTICIPATION.GENERAL_CONTRACTOR);
    if (!contractor) throw new Error('A declaration names its general contractor');
    const row: ProjectRow = {
      id: index + 1,
      application_no: spec.applicationNo,
      code,
      status: spec.status,
      review_reason: null,
      name: spec.name,
      category: spec.category,
      investment_nature: spec.investment,
      contact_name: contractor.contact_name,
      contact_phone: contractor.contact_phone,
      region_code: spec.regionCode,
      address: spec.address,
      latitude: spec.latitude,
      longitude: spec.longitude,
      start_date: start,
      planned_completion_date: addDays(start, spec.durationDays),
      permit_no: `${spec.regionCode}${permitOn.replaceAll('-', '')}${String(rng.int(1, 12)).padStart(2, '0')}01`,
      permit_issued_on: permitOn,
      floor_area: spec.floorArea,
      height: spec.height,
      structure_levels: spec.structureLevels,
      cost: spec.cost,
      payroll_bank: spec.payrollBank,
      payroll_account_name: contractor.name,
      payroll_account_no: payrollAccountNo(rng, spec.payrollBank),
      deposit_method: spec.depositMethod,
      deposit_amount: spec.depositAmount,
      declared_units: declared,
      submitted_at: submittedAt,
      reviewed_at: reviewedAt,
      reviewed_by: null,
      // The initial password was shown once after approval; the demo accounts have their own.
      initial_password_issued_at: reviewedAt === null ? null : plusSeconds(reviewedAt, rng.int(600, 7200)),
    };
    return { spec, row, code, start, declared };
  });
}

function buildUnits(
  ctx: Ctx,
  projects: readonly ProjectPlan[],
  companies: Map<CompanyKey, Company>,
): { units: UnitRow[]; projectUnits: ProjectUnitRow[]; unitIds: Map<CompanyKey, number> } {
  const rng = ctx.rng.fork('units');
  const units: UnitRow[] = [];
  const projectUnits: ProjectUnitRow[] = [];
  const unitIds = new Map<CompanyKey, number>();
  const unitId = (key: CompanyKey): number => {
    const known = unitIds.get(key);
    if (known !== undefined) return known;
    const company = companyOf(companies, key);
    const id = units.length + 1;
    units.push({
      id,
      name: company.name,
      uscc: company.uscc,
      legal_person: company.legalPerson,
      contact_name: company.contactName,
      contact_phone: company.contactPhone,
    });
    unitIds.set(key, id);
    return id;
  };
  // Units and their roles are written when the bureau approves a declaration, so only approved projects have them.
  for (const project of projects.filter((item) => item.spec.status === 'approved')) {
    for (const declared of project.declared) {
      projectUnits.push({
        id: projectUnits.length + 1,
        project: project.row.id,
        unit: unitId(project.spec.mainUnits[declared.role]),
        participation: declared.role,
        is_main: true,
        contact_name: declared.contact_name,
        contact_phone: declared.contact_phone,
      });
    }
    for (const sub of project.spec.subcontractors) {
      projectUnits.push({
        id: projectUnits.length + 1,
        project: project.row.id,
        unit: unitId(sub.company),
        participation: sub.participation,
        is_main: false,
        contact_name: personName(rng, rng.chance(0.7) ? 'male' : 'female', '汉'),
        contact_phone: newPhone(ctx, rng),
      });
    }
  }
  return { units, projectUnits, unitIds };
}

// ---------------------------------------------------------------------------------------------
// Teams

function buildTeams(ctx: Ctx, projects: readonly ProjectPlan[], unitIds: Map<CompanyKey, number>): TeamPlan[] {
  const rng = ctx.rng.fork('teams');
  const teams: TeamPlan[] = [];
  const add = (plan: Omit<TeamPlan, 'row'>, name: string, company: CompanyKey, kind: TeamRow['kind']): void => {
    const unit = unitIds.get(company);
    if (unit === undefined) throw new Error(`Team ${name} belongs to ${company}, which is not on the project`);
    const createdOn = addDays(plan.project.start, rng.int(0, 6));
    teams.push({
      ...plan,
      row: {
        id: teams.length + 1,
        project: plan.project.row.id,
        unit,
        name,
        kind,
        trade: plan.trades[0]?.[0] ?? null,
        leader_name: null,
        leader_phone: null,
        status: 'active',
        date_created: instantOn(rng, laterOf(createdOn, addDays(ctx.today, -360)), hms(9), hms(17)),
      },
    });
  };
  for (const project of projects.filter((item) => item.spec.status === 'approved')) {
    for (const team of MANAGEMENT_TEAMS) {
      const posts = ctx.small ? team.small : team.full;
      add({ project, participation: team.unitRole, trades: [], posts, share: 0 }, team.name, project.spec.mainUnits[team.unitRole], 'management');
    }
    for (const team of project.spec.labourTeams.filter((item) => !ctx.small || item.small)) {
      const trades = TEAM_TRADES[team.name];
      if (!trades) throw new Error(`No trades for team ${team.name}`);
      const participation = project.spec.subcontractors.find((sub) => sub.company === team.company)?.participation;
      if (!participation) throw new Error(`${team.company} is not a subcontractor of ${project.spec.name}`);
      add({ project, participation, trades, posts: [], share: team.share }, team.name, team.company, 'worker');
    }
  }
  return teams;
}

// ---------------------------------------------------------------------------------------------
// Key posts and contracts

function buildKeyPosts(
  ctx: Ctx,
  projects: readonly ProjectPlan[],
  projectUnits: readonly ProjectUnitRow[],
  employments: readonly EmploymentRow[],
): KeyPostRow[] {
  const rng = ctx.rng.fork('key-posts');
  const rows: KeyPostRow[] = [];
  const push = (row: Omit<KeyPostRow, 'id'>): void => {
    rows.push({ id: rows.length + 1, ...row });
  };
  for (const project of projects.filter((item) => item.spec.status === 'approved')) {
    for (const [unitRole, requirements] of Object.entries(KEY_POST_MATRIX)) {
      const unit = projectUnits.find((item) => item.project === project.row.id && item.participation === unitRole && item.is_main);
      if (!unit || !requirements) continue;
      for (const { post } of requirements) {
        const special = project.spec.keyPostCases.find((item) => item.post === post)?.case;
        if (special === 'unregistered') continue;
        const holders = employments.filter(
          (item) => item.project === project.row.id && item.unit === unit.unit && item.role === 'manager' && item.trade === post,
        );
        // The applicant of a pending post is the newest arrival holding it; otherwise the longest-serving.
        const onSite = holders.filter((item) => item.status === 'on_site');
        const current = special === 'pending' ? onSite[onSite.length - 1] : onSite[0];
        if (!current) throw new Error(`No ${post} on ${project.spec.name}`);
        const base = {
          project: project.row.id,
          unit_role: unitRole,
          unit: unit.unit,
          post,
          exit_date: null,
          exit_reason: null,
          review_reason: null,
        };
        const former = holders.find((item) => item.status === 'exited');
        if (special === 'replaced' && former?.exit_date) {
          push({
            ...base,
            person: former.person,
            employment: former.id,
            status: 'exited',
            entry_date: former.entry_date,
            exit_date: former.exit_date,
            exit_reason: '公司内部调动，调往其他项目',
            reviewed_at: instantOn(rng, former.exit_date, hms(9, 30), hms(11, 30)),
            date_created: plusSeconds(former.date_created, rng.int(60, 3_600)),
          });
        }
        const approvedAt = instantOn(rng, addDays(current.entry_date, 1), hms(9, 30), hms(16, 30));
        push({
          ...base,
          person: current.person,
          employment: current.id,
          status: special === 'pending' ? 'pending' : special === 'exit_pending' ? 'exit_pending' : 'approved',
          entry_date: current.entry_date,
          ...(special === 'exit_pending'
            ? { exit_date: addDays(ctx.today, 7), exit_reason: '个人原因申请退场，接替人员资料已准备' }
            : {}),
          reviewed_at: special === 'pending' ? null : approvedAt,
          date_created: plusSeconds(current.date_created, rng.int(60, 3_600)),
        });
      }
    }
  }
  return rows;
}

function buildContracts(ctx: Ctx, projects: readonly ProjectPlan[], employments: readonly EmploymentRow[]): ContractRow[] {
  const rng = ctx.rng.fork('contracts');
  const rows: ContractRow[] = [];
  const seqs = new Map<number, number>();
  for (const employment of employments) {
    if (employment.role !== 'worker' || employment.status !== 'on_site' || !rng.chance(0.7)) continue;
    const code = projects[employment.project - 1]?.code;
    if (!code) continue;
    const seq = (seqs.get(employment.project) ?? 0) + 1;
    seqs.set(employment.project, seq);
    rows.push({
      id: rows.length + 1,
      employment: employment.id,
      contract_no: `HT${code}${String(seq).padStart(4, '0')}`,
      type: rng.chance(0.6) ? ('0' satisfies ContractTermType) : ('1' satisfies ContractTermType),
      signed_on: employment.entry_date,
      date_created: plusSeconds(employment.date_created, rng.int(600, 20_000)),
    });
  }
  return rows;
}

function buildAuditLog(projects: readonly ProjectPlan[], keyPosts: readonly KeyPostRow[]): AuditLogRow[] {
  const rows: Omit<AuditLogRow, 'id'>[] = [];
  for (const { row } of projects) {
    rows.push({
      at: row.submitted_at,
      actor: null,
      actor_kind: 'public',
      project: row.id,
      action: 'declaration.submit',
      collection: 'projects',
      item: String(row.id),
      after: { application_no: row.application_no },
      note: null,
    });
    if (row.reviewed_at && row.code) {
      rows.push({
        at: row.reviewed_at,
        actor: DEMO_BUREAU_ACTOR,
        actor_kind: 'user',
        project: row.id,
        action: 'declaration.approve',
        collection: 'projects',
        item: String(row.id),
        after: { status: 'approved', code: row.code },
        note: null,
      });
    }
  }
  for (const post of keyPosts) {
    if (!post.reviewed_at || post.status === 'pending') continue;
    const exited = post.status === 'exited';
    rows.push({
      at: post.reviewed_at,
      actor: DEMO_BUREAU_ACTOR,
      actor_kind: 'user',
      project: post.project,
      action: exited ? 'key_post.approve_exit' : 'key_post.approve',
      collection: 'key_posts',
      item: String(post.id),
      after: { status: exited ? 'exited' : 'approved' },
      note: exited ? '同意关键岗位人员退场' : '同意关键岗位人员入场',
    });
  }
  rows.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return rows.map((row, index) => ({ id: index + 1, ...row }));
}
