/**
 * The key-post board (关键岗位): for each unit type of the project that the matrix names, its
 * required posts with the current holder or applicant, or nobody (未登记). Pure: rows in, slots out.
 */
import { KEY_POST_HOLDING_STATUSES, KEY_POST_MATRIX, KEY_POST_STATUSES, labelOf, MANAGEMENT_POSTS, PARTICIPATION_TYPES, type KeyPostStatus } from '../../../../schema/codes';
import { maskIdNumber } from '../../../../schema/rules/id-card';
import type { KeyPostHolder, KeyPostSlot } from '../../../../schema/api/key-posts';

/** A unit of the project in one role (from `project_units`). */
export interface ProjectUnit {
  unit_id: number;
  unit_name: string;
  participation: string;
  is_main: boolean;
}

/** A key_posts row of the project joined with its person and unit, dates as `YYYY-MM-DD`. */
export interface KeyPostRecord {
  id: number;
  unit_role: string;
  post: string;
  status: KeyPostStatus;
  entry_date: string | null;
  exit_date: string | null;
  exit_reason: string | null;
  review_reason: string | null;
  reviewed_at: string | null;
  person_name: string;
  gender: string | null;
  id_number: string;
  unit_name: string | null;
}

const HOLDING: ReadonlySet<string> = new Set(KEY_POST_HOLDING_STATUSES);

/** The main unit in `role` if there is one, else the first. */
export function unitInRole(units: readonly ProjectUnit[], role: string): ProjectUnit | undefined {
  const inRole = units.filter((unit) => unit.participation === role);
  return inRole.find((unit) => unit.is_main) ?? inRole[0];
}

/** A record as the H5 shows it: status label, ID number masked. */
export function toHolder(row: KeyPostRecord): KeyPostHolder {
  return {
    id: row.id,
    status: row.status,
    status_label: labelOf(KEY_POST_STATUSES, row.status) ?? row.status,
    name: row.person_name,
    gender: row.gender as KeyPostHolder['gender'],
    id_number: maskIdNumber(row.id_number),
    unit_name: row.unit_name,
    entry_date: row.entry_date,
    exit_date: row.exit_date,
    exit_reason: row.exit_reason,
    review_reason: row.review_reason,
  };
}

/**
 * Slots in matrix order (unit type, then post) for the unit types the project has. A holding row
 * whose post the matrix no longer requires is still shown, so nobody in post disappears from view.
 */
export function buildBoard(units: readonly ProjectUnit[], records: readonly KeyPostRecord[]): KeyPostSlot[] {
  const slot = (role: string, post: string): KeyPostSlot => {
    const unit = unitInRole(units, role);
    const rows = records.filter((row) => row.unit_role === role && row.post === post).sort((a, b) => b.id - a.id);
    const held = rows.find((row) => HOLDING.has(row.status));
    const latest = rows[0];
    return {
      unit_role: role,
      unit_role_label: labelOf(PARTICIPATION_TYPES, role) ?? role,
      post,
      post_label: labelOf(MANAGEMENT_POSTS, post) ?? post,
      unit: unit ? { id: unit.unit_id, name: unit.unit_name } : null,
      holder: held ? toHolder(held) : null,
      last_rejection:
        !held && latest?.status === 'rejected' ? { name: latest.person_name, review_reason: latest.review_reason, reviewed_at: latest.reviewed_at } : null,
    };
  };

  const slots: KeyPostSlot[] = [];
  for (const [role, requirements] of Object.entries(KEY_POST_MATRIX)) {
    if (!requirements || !unitInRole(units, role)) continue;
    for (const { post } of requirements) slots.push(slot(role, post));
  }
  const shown = new Set(slots.map((item) => `${item.unit_role}|${item.post}`));
  for (const row of records) {
    const key = `${row.unit_role}|${row.post}`;
    if (HOLDING.has(row.status) && !shown.has(key)) {
      shown.add(key);
      slots.push(slot(row.unit_role, row.post));
    }
  }
  return slots;
}
