/**
 * Who sees what in an export file: bureau staff and administrators get full ID numbers and
 * phones, project staff get them masked with the shared rules. One place, so every sheet that
 * shows a person's identity masks it the same way.
 */
import { maskIdNumber } from '../../../../schema/rules/id-card';
import { maskPhone } from '../../../../schema/rules/phone';
import type { ExportViewer } from './export-kind';

/** Whether a viewer's files carry full personal data. */
export function seesFullData(role: ExportViewer['role']): boolean {
  return role === 'bureau';
}

export function shownIdNumber(role: ExportViewer['role'], idNumber: string): string {
  return seesFullData(role) ? idNumber : maskIdNumber(idNumber);
}

export function shownPhone(role: ExportViewer['role'], phone: string | null): string | null {
  if (!phone) return null;
  return seesFullData(role) ? phone : maskPhone(phone);
}
