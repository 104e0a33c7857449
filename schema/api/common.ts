/** Building blocks shared by the request models and answers of `/platform/*`. */
import { z } from 'zod';
import { isIsoDate } from '../rules';

/** A page of a list (`GET /platform/people`, `/contracts`, `/faces`). */
export interface Page<T> {
  total: number;
  page: number;
  page_size: number;
  items: T[];
}

/** A related record by id and name. */
export interface Named {
  id: number;
  name: string;
}

/** A positive integer id chosen in a picker (text fields of multipart forms arrive as strings). */
export const pickedId = (label: string) => z.coerce.number({ error: `请选择${label}` }).int(`请选择${label}`).positive(`请选择${label}`);

/** An optional value that arrives as absent, null or the value; stored as null when absent. */
export const nullish = <T extends z.ZodType>(model: T) => model.nullish().transform((value) => value ?? null);

/** Optional free text up to `max` characters; empty becomes null. */
export const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label}不能超过${max}个字`)
    .nullish()
    .transform((value) => value || null);

/** A date picked in a form, `YYYY-MM-DD`. */
export const isoDate = (label: string) => z.string({ error: `请选择${label}` }).trim().refine(isIsoDate, `${label}格式不正确，应为 YYYY-MM-DD`);

/** A change answered by the names of the fields it changed. */
export interface ChangedFields {
  changed: string[];
}
