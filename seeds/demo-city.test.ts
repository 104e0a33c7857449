import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { ETHNICITIES, KEY_POST_MATRIX, MANAGEMENT_POSTS, TRADES, isCodeValue } from '../schema/codes';
import { COLLECTIONS } from '../schema/model';
import { addDays, ageOn, idCardValidity, isMobile, parseIdNumber, validateUscc } from '../schema/rules';
import { DEMO_TABLES, generateDemoCity, type DemoCity } from './demo-city';
import { DEMO_LOGINS } from './demo-logins';

const TODAY = '2026-04-15';
const full = generateDemoCity({ today: TODAY });
const small = generateDemoCity({ today: TODAY, small: true });

/** A digest of a whole city, so equality is one string comparison. */
const digest = (city: DemoCity): string => createHash('sha256').update(JSON.stringify(city)).digest('hex');

/** Values of `key` that occur more than once. */
function duplicates<T>(items: readonly T[], key: (item: T) => string): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const item of items) {
    const value = key(item);
    if (seen.has(value)) twice.add(value);
    seen.add(value);
  }
  return [...twice];
}

const rowsOf = (city: DemoCity, table: string): readonly { id: number }[] =>
  (city as unknown as Record<string, { id: number }[]>)[table] ?? [];

describe('determinism', () => {
  test('two runs give the same city', () => {
    expect(digest(generateDemoCity({ today: TODAY }))).toBe(digest(full));
    expect(digest(generateDemoCity({ today: TODAY, small: true }))).toBe(digest(small));
  });

  test('another day gives another city with the same projects and accounts', () => {
    const later = generateDemoCity({ today: addDays(TODAY, 1), small: true });
    expect(digest(later)).not.toBe(digest(small));
    expect(later.projects.map((p) => [p.application_no, p.code])).toEqual(small.projects.map((p) => [p.application_no, p.code]));
  });

  test('the demo logins are the approved projects', () => {
    const approved = full.projects.filter((p) => p.status === 'approved');
    expect(DEMO_LOGINS.projects.map((login) => login.account)).toEqual(approved.map((p) => p.code));
    expect(DEMO_LOGINS.projects.map((login) => login.projectName)).toEqual(approved.map((p) => p.name));
  });
});

describe('full size', () => {
  const main = full.projects[0]!;
  const onSite = (projectId: number) => full.employments.filter((e) => e.project === projectId && e.status === 'on_site');

  test('the main project has exactly 821 people on site, plus some who left', () => {
    expect(onSite(main.id)).toHaveLength(821);
    expect(full.employments.some((e) => e.project === main.id && e.status === 'exited')).toBe(true);
  });

  test('the other approved projects have 60–120 on site; the submitted one none', () => {
    for (const project of full.projects.slice(1)) {
      const count = onSite(project.id).length;
      if (project.status === 'approved') expect(count).toBeGreaterThanOrEqual(60);
      else expect(count).toBe(0);
      expect(count).toBeLessThanOrEqual(120);
    }
  });

  test('at least 900 people and 20 teams of both kinds', () => {
    expect(full.people.length).toBeGreaterThanOrEqual(900);
    expect(full.teams.length).toBeGreaterThanOrEqual(20);
    expect(new Set(full.teams.map((t) => t.kind))).toEqual(new Set(['management', 'worker']));
  });

  test('35 days of punches ending yesterday', () => {
    const days = new Set(full.punches.map((p) => p.punched_at.slice(0, 10)));
    const first = full.punches[0]!.punched_at;
    const last = full.punches[full.punches.length - 1]!.punched_at;
    expect(first >= `${addDays(TODAY, -36)}T16:00:00.000Z`).toBe(true);
    expect(last < `${addDays(TODAY, -1)}T16:00:00.000Z`).toBe(true);
    expect(days.size).toBeGreaterThanOrEqual(34);
  });

  test('about 85% come on working days and fewer on Sundays', () => {
    const present = new Map<string, Set<number>>();
    for (const punch of full.punches) {
      const day = new Date(Date.parse(punch.punched_at) + 8 * 3600_000).toISOString().slice(0, 10);
      const set = present.get(day) ?? new Set<number>();
      set.add(punch.employment);
      present.set(day, set);
    }
    const rate = (day: string) => {
      const expected = full.employments.filter(
        (e) => e.entry_date <= day && (e.exit_date ?? '9999') >= day && e.project === main.id,
      );
      const came = present.get(day) ?? new Set();
      return expected.filter((e) => came.has(e.id)).length / expected.length;
    };
    const days = Array.from({ length: 28 }, (_, i) => addDays(TODAY, -2 - i));
    const sundays = days.filter((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 0).map(rate);
    const weekdays = days.filter((d) => new Date(`${d}T00:00:00Z`).getUTCDay() !== 0).map(rate).sort();
    const median = weekdays[Math.floor(weekdays.length / 2)]!;
    expect(median).toBeGreaterThan(0.75);
    expect(median).toBeLessThan(0.92);
    expect(Math.max(...sundays)).toBeLessThan(median);
  });

  test('some long-standing workers have not punched for 10 days or more', () => {
    const recent = new Set(full.punches.filter((p) => p.punched_at >= `${addDays(TODAY, -11)}T16:00:00Z`).map((p) => p.employment));
    const silent = onSite(main.id).filter((e) => e.entry_date < addDays(TODAY, -40) && !recent.has(e.id));
    expect(silent.length).toBeGreaterThanOrEqual(5);
    expect(silent.length).toBeLessThanOrEqual(20);
  });
});

describe('small size', () => {
  test('4 projects, 30 on site in the main one, 7 days of punches', () => {
    expect(small.projects).toHaveLength(4);
    expect(small.employments.filter((e) => e.project === 1 && e.status === 'on_site')).toHaveLength(30);
    expect(new Set(small.punches.map((p) => p.punched_at.slice(0, 10))).size).toBeLessThanOrEqual(8);
    expect(small.punches.length).toBeLessThan(2000);
  });
});

describe.each([
  ['full', full],
  ['small', small],
])('%s city: integrity', (_, city) => {
  test('every row has only columns of its collection', () => {
    const unknown: string[] = [];
    for (const table of DEMO_TABLES) {
      const collection = COLLECTIONS.find((c) => c.collection === table);
      expect(collection, table).toBeDefined();
      const columns = new Set(['id', ...(collection?.fields ?? []).map((f) => f.field)]);
      for (const key of new Set(rowsOf(city, table).flatMap((row) => Object.keys(row)))) {
        if (!columns.has(key)) unknown.push(`${table}.${key}`);
      }
    }
    expect(unknown).toEqual([]);
  });

  test('every foreign key points at an existing row', () => {
    const ids = new Map(DEMO_TABLES.map((table) => [table as string, new Set(rowsOf(city, table).map((row) => row.id))]));
    const dangling: string[] = [];
    for (const table of DEMO_TABLES) {
      const collection = COLLECTIONS.find((c) => c.collection === table);
      for (const field of (collection?.fields ?? []).filter((f) => f.m2o && ids.has(f.m2o.collection))) {
        const targets = ids.get(field.m2o?.collection ?? '') ?? new Set();
        for (const row of rowsOf(city, table) as unknown as Record<string, unknown>[]) {
          const value = row[field.field];
          if (value !== null && value !== undefined && !targets.has(value as number)) {
            dangling.push(`${table}.${field.field} = ${String(value)}`);
          }
        }
      }
    }
    expect(dangling).toEqual([]);
  });

  test('ids are 1..n in every table', () => {
    for (const table of DEMO_TABLES) {
      rowsOf(city, table).forEach((row, index) => expect(row.id).toBe(index + 1));
    }
  });

  test('ID numbers are valid and agree with birth date, gender and age limits', () => {
    for (const person of city.people) {
      const parsed = parseIdNumber(person.id_number, { today: TODAY, birthDate: person.birth_date, gender: person.gender as 'male' | 'female' });
      expect(parsed.ok, `${person.name} ${person.id_number}`).toBe(true);
      const age = ageOn(person.birth_date, TODAY);
      expect(age).toBeGreaterThanOrEqual(20);
      expect(age).toBeLessThanOrEqual(person.gender === 'male' ? 59 : 49);
      expect(isCodeValue(ETHNICITIES, person.ethnicity)).toBe(true);
      const validity = idCardValidity(`${person.id_valid_from}-${person.id_valid_to}`, TODAY);
      expect(validity.ok && !validity.expired, `${person.id_valid_from}-${person.id_valid_to}`).toBe(true);
      expect(person.issuing_authority).toMatch(/公安局/);
    }
    expect(duplicates(city.people, (p) => p.id_number)).toEqual([]);
  });

  test('mostly men and mostly 汉', () => {
    const men = city.people.filter((p) => p.gender === 'male').length / city.people.length;
    const han = city.people.filter((p) => p.ethnicity === '01').length / city.people.length;
    expect(men).toBeGreaterThan(0.8);
    expect(han).toBeGreaterThan(0.8);
    expect(han).toBeLessThan(1);
  });

  test('credit codes are valid, declared ones included', () => {
    for (const unit of city.units) expect(validateUscc(unit.uscc).ok, unit.uscc).toBe(true);
    for (const project of city.projects) {
      expect(project.declared_units).toHaveLength(5);
      for (const unit of project.declared_units) expect(validateUscc(unit.uscc).ok, unit.uscc).toBe(true);
    }
    expect(duplicates(city.units, (u) => u.uscc)).toEqual([]);
  });

  test('phones are valid mobiles, one per person, recorded on each of their employments', () => {
    for (const employment of city.employments) expect(isMobile(employment.phone), employment.phone).toBe(true);
    const phoneOf = new Map(city.employments.map((e) => [e.person, e.phone]));
    for (const employment of city.employments) expect(employment.phone).toBe(phoneOf.get(employment.person));
    expect(duplicates(city.people, (p) => phoneOf.get(p.id) ?? '')).toEqual([]);
  });

  test('three approved projects with codes, one submitted without', () => {
    expect(city.projects.map((p) => p.status)).toEqual(['approved', 'approved', 'approved', 'submitted']);
    for (const project of city.projects) {
      if (project.status === 'approved') expect(project.code).toMatch(new RegExp(`^GY${project.region_code}\\d{4}$`));
      else expect(project.code).toBeNull();
    }
  });

  test('approved projects have five main units and 2–4 subcontractors', () => {
    for (const project of city.projects.filter((p) => p.status === 'approved')) {
      const units = city.project_units.filter((u) => u.project === project.id);
      expect(units.filter((u) => u.is_main).map((u) => u.participation).sort()).toEqual(['007', '008', '009', '010', '011']);
      const subs = units.filter((u) => !u.is_main);
      expect(subs.length).toBeGreaterThanOrEqual(2);
      expect(subs.length).toBeLessThanOrEqual(4);
      expect(subs.every((u) => u.participation === '001' || u.participation === '006')).toBe(true);
    }
  });

  test('employments fit their team, trade and project', () => {
    const teams = new Map(city.teams.map((t) => [t.id, t]));
    const tradeCodes = new Set<string>(TRADES.map((t) => t.value));
    const posts = new Set<string>(MANAGEMENT_POSTS.map((p) => p.value));
    for (const e of city.employments) {
      const team = teams.get(e.team)!;
      expect(team.project).toBe(e.project);
      expect(team.unit).toBe(e.unit);
      expect(e.role === 'manager' ? team.kind === 'management' : team.kind === 'worker').toBe(true);
      expect(e.role === 'manager' ? posts.has(e.trade) : tradeCodes.has(e.trade), e.trade).toBe(true);
      if (e.exit_date) expect(e.exit_date >= e.entry_date).toBe(true);
      expect(e.entry_date >= addDays(TODAY, -366)).toBe(true);
      expect(e.entry_date < TODAY).toBe(true);
    }
  });

  test('no duplicate device pin per project, card per project, or on-site person city-wide', () => {
    expect(duplicates(city.employments, (e) => `${e.project}|${e.device_pin}`)).toEqual([]);
    const onSite = city.employments.filter((e) => e.status === 'on_site');
    expect(duplicates(onSite.filter((e) => e.card_no), (e) => `${e.project}|${e.card_no}`)).toEqual([]);
    expect(duplicates(onSite, (e) => String(e.person))).toEqual([]);
    const withCard = onSite.filter((e) => e.card_no).length / onSite.length;
    expect(withCard).toBeGreaterThan(0.35);
    expect(withCard).toBeLessThan(0.65);
  });

  test('key posts: required posts held by managers of the project, with every state shown', () => {
    const employments = new Map(city.employments.map((e) => [e.id, e]));
    for (const post of city.key_posts) {
      const employment = employments.get(post.employment)!;
      expect(employment.project).toBe(post.project);
      expect(employment.person).toBe(post.person);
      expect(employment.role).toBe('manager');
      expect(employment.trade).toBe(post.post);
      expect(employment.unit).toBe(post.unit);
    }
    const pending = city.key_posts.find((p) => p.status === 'pending');
    expect((pending?.entry_date ?? '') >= addDays(TODAY, -7)).toBe(true);
    const statuses = new Set(city.key_posts.map((p) => p.status));
    for (const status of ['approved', 'pending', 'exit_pending', 'exited']) expect(statuses.has(status as never)).toBe(true);
    const required = Object.values(KEY_POST_MATRIX).reduce((sum, list) => sum + (list?.length ?? 0), 0);
    const held = city.key_posts.filter((p) => p.status !== 'exited' && p.status !== 'rejected');
    expect(held).toHaveLength(3 * required - 1);
    expect(duplicates(held, (p) => `${p.project}|${p.unit_role}|${p.post}`)).toEqual([]);
  });

  test('contracts for about 70% of on-site workers', () => {
    const workers = city.employments.filter((e) => e.status === 'on_site' && e.role === 'worker');
    const share = city.contracts.length / workers.length;
    expect(share).toBeGreaterThan(0.55);
    expect(share).toBeLessThan(0.85);
    expect(duplicates(city.contracts, (c) => c.contract_no)).toEqual([]);
    const employments = new Map(city.employments.map((e) => [e.id, e]));
    for (const contract of city.contracts) {
      const employment = employments.get(contract.employment)!;
      expect(contract.signed_on).toBe(employment.entry_date);
      expect(contract.contract_no.startsWith(`HT${city.projects[employment.project - 1]!.code}`)).toBe(true);
    }
  });

  test('two active gate devices per approved project, one offline, one pending', () => {
    for (const project of city.projects.filter((p) => p.status === 'approved')) {
      const devices = city.devices.filter((d) => d.project === project.id);
      expect(devices.map((d) => d.direction).sort()).toEqual(['in', 'out']);
      expect(devices.every((d) => d.status === 'active')).toBe(true);
    }
    expect(city.devices.filter((d) => d.status === 'pending' && d.project === null)).toHaveLength(1);
    const dayAgo = new Date(Date.parse(`${TODAY}T00:00:00+08:00`) - 86_400_000).toISOString();
    expect(city.devices.filter((d) => d.last_seen_at < dayAgo)).toHaveLength(1);
  });

  test('punches are consistent with their employment and device', () => {
    expect(duplicates(city.punches, (p) => p.dedup_key)).toEqual([]);
    const employments = new Map(city.employments.map((e) => [e.id, e]));
    const devices = new Map(city.devices.map((d) => [d.id, d]));
    const wrong = city.punches.filter((punch) => {
      const employment = employments.get(punch.employment);
      const device = devices.get(punch.device);
      if (!employment || !device) return true;
      const localDay = new Date(Date.parse(punch.punched_at) + 8 * 3600_000).toISOString().slice(0, 10);
      const rawOk = device.protocol === 'zkteco' ? punch.raw.split('\t')[0] === punch.device_pin : typeof JSON.parse(punch.raw) === 'object';
      return !(
        punch.project === employment.project &&
        punch.person === employment.person &&
        punch.device_pin === employment.device_pin &&
        device.project === punch.project &&
        device.direction === punch.direction &&
        punch.dedup_key === `${device.sn}|${punch.device_pin}|${punch.punched_at}` &&
        punch.punched_at <= device.last_seen_at &&
        punch.received_at > punch.punched_at &&
        localDay >= employment.entry_date &&
        (employment.exit_date === null || localDay <= employment.exit_date) &&
        rawOk
      );
    });
    expect(wrong).toEqual([]);
  });

  test('records are created after what they belong to', () => {
    const employments = new Map(city.employments.map((e) => [e.id, e]));
    const people = new Map(city.people.map((p) => [p.id, p]));
    const late = [
      ...city.employments.filter((e) => (people.get(e.person)?.date_created ?? '') > e.date_created),
      ...city.key_posts.filter((k) => (employments.get(k.employment)?.date_created ?? '') > k.date_created),
      ...city.contracts.filter((c) => (employments.get(c.employment)?.date_created ?? '') > c.date_created),
    ];
    expect(late).toEqual([]);
  });
});
