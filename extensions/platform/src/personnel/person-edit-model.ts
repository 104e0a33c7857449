/**
 * Where 人员编辑 (`PersonEdit` in schema/api/people.ts) writes: the identity's columns (only while no
 * other project relies on it) and this project's employment columns.
 */

/** Columns of the identity (`people`) the form edits; only while no other project relies on it. */
export const PERSON_COLUMNS = ['name', 'gender', 'ethnicity', 'id_number', 'address'] as const;
/** Columns of this project's employment the form edits (what the project records). */
export const EMPLOYMENT_COLUMNS = ['phone', 'blood_type', 'bank_card_no', 'bank_name', 'team', 'trade', 'unit', 'entry_date', 'wage_method', 'wage_amount', 'wage_unit'] as const;
