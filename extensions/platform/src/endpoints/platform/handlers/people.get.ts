import { maskIdNumber } from '../../../../../../schema/rules/id-card';
import { maskPhone } from '../../../../../../schema/rules/phone';
import { fromDbRow } from '../../../db/values';
import { assertOwned, projectScope } from '../../../http/scope';
import type { HandlerContext } from '../context';

const PAGE_SIZE = 20;

interface PersonListRow {
  id: number;
  name: string;
  id_number: string;
  phone: string | null;
  [column: string]: unknown;
}

/** GET /platform/people?status=on_site|exited&q=&page= — the project's people, masked, paged. */
export async function listPeople({ req, database }: HandlerContext) {
  const scope = await projectScope(req, database);
  const status = req.query['status'] === 'exited' ? 'exited' : 'on_site';
  const q = typeof req.query['q'] === 'string' ? req.query['q'].trim() : '';
  const page = Math.max(1, Number.parseInt(String(req.query['page'] ?? '1'), 10) || 1);
  const base = database('employments')
    .join('people', 'people.id', 'employments.person')
    .leftJoin('teams', 'teams.id', 'employments.team')
    .where({ 'employments.project': scope.projectId, 'employments.status': status })
    .modify((query) => {
      if (q) {
        query.andWhere((w) =>
          w.where('people.name', 'like', `%${q}%`).orWhere('teams.name', 'like', `%${q}%`).orWhere('people.phone', 'like', `%${q}%`).orWhere('employments.trade', q),
        );
      }
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
      'people.name',
      'people.gender',
      'people.id_number',
      'people.phone',
      'teams.name as team_name',
    )
    .orderBy('employments.id', 'desc')
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE);
  return {
    total: Number(total),
    page,
    page_size: PAGE_SIZE,
    items: rows.map((row) => ({ ...fromDbRow('employments', row), id_number: maskIdNumber(row.id_number), phone: row.phone ? maskPhone(row.phone) : null })),
  };
}

/** GET /platform/people/:id — one employment of the project with the person's full record. */
export async function getPerson({ req, database }: HandlerContext) {
  const scope = await projectScope(req, database);
  const employment = assertOwned(await database('employments').where({ id: Number(req.params['id']) || 0 }).first(), scope);
  const person = await database('people')
    .select('id', 'name', 'id_type', 'id_number', 'temporary_id', 'gender', 'ethnicity', 'birth_date', 'address', 'issuing_authority', 'id_valid_from', 'id_valid_to', 'phone', 'blood_type', 'id_front', 'id_back', 'face_photo')
    .where({ id: employment.person })
    .first();
  const team = await database('teams').select('id', 'name', 'kind').where({ id: employment.team }).first();
  const unit = await database('units').select('id', 'name').where({ id: employment.unit }).first();
  return { ...fromDbRow('employments', employment), person: fromDbRow('people', person), team, unit };
}
