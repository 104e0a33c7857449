import { confirmPayrollMonth, getPayroll, getPayrolls, patchPayrollLine, postPayroll, putPayments } from './handlers/payrolls';
import type { RouteKit } from './routes';

/**
 * 工资表 of the caller's project: generate/refresh a month's draft from attendance, edit lines,
 * confirm (freeze), record payments. The bank file is an export kind (`payroll-bank`, POST /platform/exports).
 */
export function payrollRoutes({ router, json }: RouteKit): void {
  router.get('/payrolls', json(getPayrolls));
  router.post('/payrolls', json(postPayroll));
  router.get('/payrolls/:month', json(getPayroll));
  router.patch('/payrolls/:month/lines/:line', json(patchPayrollLine));
  router.post('/payrolls/:month/confirm', json(confirmPayrollMonth));
  router.put('/payrolls/:month/payments', json(putPayments));
}
