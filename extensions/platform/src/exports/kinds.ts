import { payrollBankExport } from '../payroll/bank-file';
import { attendanceMonthExport } from './attendance-month';
import type { ExportKind } from './export-kind';
import { rosterExport } from './roster';

/** Every export the platform offers (`kind` of `POST /platform/exports`). Add a kind with one line. */
export const EXPORT_KINDS: readonly ExportKind[] = [rosterExport, attendanceMonthExport, payrollBankExport];
