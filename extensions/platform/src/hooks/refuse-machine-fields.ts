import { readonlyFields } from '../../../../schema/model/field-flags';
import { forbidden } from '../http/errors';
import { isNonAdminCaller, type FilterRegistrar } from './registrars';

/**
 * Fields the model marks `readonly` are written by the platform only (a device's last contact and
 * stamps, review outcomes, roll-up figures). Core-tier permissions grant whole collections, so a
 * person allowed to edit devices could otherwise set 最后在线 and fake a device online: any create or
 * update by anyone but an administrator that names such a field is refused (403), whatever the collection.
 */
export function refuseMachineFields(filter: FilterRegistrar): void {
  const guard = (payload: unknown, meta: Record<string, unknown>, context: Parameters<Parameters<FilterRegistrar>[1]>[2]) => {
    if (!isNonAdminCaller(context.accountability) || !payload || typeof payload !== 'object') return payload;
    const rows = Array.isArray(payload) ? payload : [payload];
    const machine = readonlyFields(String(meta['collection']));
    for (const row of rows) {
      const field = machine.find((def) => row && typeof row === 'object' && def.field in row);
      if (field) throw forbidden('READONLY_FIELD', `“${field.label}”由系统写入，不能修改`, field.field);
    }
    return payload;
  };
  filter('items.create', guard);
  filter('items.update', guard);
}
