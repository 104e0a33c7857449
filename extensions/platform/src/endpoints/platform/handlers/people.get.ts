import type { Knex } from 'knex';
import type { Page, PersonDetail, PersonListItem } from '../../../../../../schema/api';
import { MANAGEMENT_POSTS, TRADES } from '../../../../../../schema/codes';
import { todayInShanghai } from '../../../../../../schema/rules/dates';
import { maskIdNumber } from '../../../../../../schema/rules/id-card';
import { maskPhone } from '../../../../../../schema/rules/phone';
import { readDate } from '../../../db/values';
import { assertOwned, projectScope } from '../../../http/scope';
import { daysOnSite, personRecord } from '../../../personnel/person-record';
import type { HandlerContext } from '../context';

const PAGE_SIZE = 20;

interface PersonListRow {
  id: number;
  name: string;
  id_number: string;
  phone: string | null;
  entry_date: unknown;
  exit_date: unknown;
  [column: string]: unknown;
}

/** Trade and post codes whose Chinese name contains `q` ('钢筋' finds 钢筋工, '安全' finds 安全员). */
function codesNamed(q: string): string[] {
  return [...TRADES, ...MANAGEMENT_POSTS].filter((item) => item.label.includes(q)).map((item) => item.value);
}

/** Escapes LIKE wildcards so a search for '%' or '_' matches them literally. */
export function likeContains(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Where-clause for the 施工人员 search: name, team, phone, card number or trade/post name. */
export function searchPeople(query: Knex.QueryBuilder, q: string): void {
  if (!q) return;
  const pattern = likeContains(q);
  const trades = codesNamed(q);
  query.andWhere((w) => {
    w.whereRaw(`people.name like ? escape '\\'`, [pattern])
      .orWhereRaw(`teams.name like ? escape '\\'`, [pattern])
      .orWhereRaw(`employments.phone like ? escape '\\'`, [pattern])
      .orWhere('employments.card_no', q);
    if (trades.length) w.orWhereIn('employments.trade', trades);
  });
}

/** GET /platform/people?status=on_site|exited&q=&team=&page= — 施工人员: the project's people, masked, 20 a page. */
export async function listPeople({ req, database }: HandlerContext): Promise<Page<PersonListItem>> {
  const scope = await projectScope(req, database);
  const status = req.query['status'] === 'exited' ? 'exited' : 'on_site';
  const q = typeof req.query['q'] === 'string' ? req.query['q'].trim().slice(0, 50) : '';
  const page = Math.max(1, Number.parseInt(String(req.query['page'] ?? '1'), 10) || 1);
  const team = Number.parseInt(String(req.query['team'] ?? ''), 10);
  const base = database('employments')
    .join('people', 'people.id', 'employments.person')
    .leftJoin('teams', 'teams.id', 'employments.team')
    .where({ 'employments.project': scope.projectId, 'employments.status': status })
    .modify(searchPeople, q)
    .modify((query) => {
      if (Number.isInteger(team)) query.andWhere('employments.team', team);
    });
  const [{ total }] = await base.clone().count({ total: '*' });
  const rows: PersonListRow[] = await base
    .clone()
    .select(
      'employments.id',
      'employments.role',
      'employments.trade',
      'employments.card_no',
      'employments.entry_date',
      'employments.exit_date',
      'employments.status',
      'employments.team',
      'people.name',
      'people.gender',
      'people.id_number',
      'employments.phone',
      'teams.name as team_name',
    )
    .orderBy(status === 'exited' ? 'employments.exit_date' : 'employments.id', 'desc')
    .orderBy('employments.id', 'desc')
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE);
  const today = todayInShanghai(new Date());
  return {
    total: Number(total),
    page,
    page_size: PAGE_SIZE,
    items: rows.map((row) => ({
      id: Number(row.id),
      name: row.name,
      gender: row['gender'] as PersonListItem['gender'],
      role: row['role'] as PersonListItem['role'],
      trade: String(row['trade']),
      status: row['status'] as PersonListItem['status'],
      phone: row.phone ? maskPhone(row.phone) : null,
      id_number: maskIdNumber(row.id_number),
      card_no: (row['card_no'] as string | null) ?? null,
      entry_date: readDate(row.entry_date),
      exit_date: readDate(row.exit_date),
      days_on_site: daysOnSite(readDate(row.entry_date), readDate(row.exit_date), today),
      team: Number(row['team']),
      team_name: (row['team_name'] as string | null) ?? null,
    })),
  };
}

/** GET /platform/people/:id — 查看: one employment of the project with what the project may see of the person. */
export async function getPerson({ req, database }: HandlerContext): Promise<PersonDetail> {
  const scope = await projectScope(req, database);
  const employment = assertOwned(await database('employments').where({ id: Number(req.params['id']) || 0 }).first(), scope);
  return personRecord(database, employment, todayInShanghai(new Date()));
}
