import { z } from 'zod';
import { parseInput } from '../../http/validate';

/** The query every ZKTeco PUSH request carries (`SN`), and what some of them add. */
export const IclockQuery = z.object({
  SN: z
    .string({ error: '缺少设备序列号 SN' })
    .trim()
    .min(1, '缺少设备序列号 SN')
    .max(64, '设备序列号不能超过 64 个字符')
    .regex(/^[0-9A-Za-z_.:-]+$/, '设备序列号只能包含字母、数字和 _ . : -'),
  table: z.string().trim().max(32, '数据表名过长').optional(),
  Stamp: z.string().trim().max(64, 'Stamp 过长').optional(),
  /** `getrequest` status: `firmware,users,fingerprints,records,ip,…`. */
  INFO: z.string().max(1000, 'INFO 过长').optional(),
});

export type IclockQuery = z.infer<typeof IclockQuery>;

export function iclockQuery(query: unknown): IclockQuery {
  return parseInput(IclockQuery, query, { SN: '设备序列号 SN' });
}

/**
 * The communication key a ZKTeco handshake carries: the PUSH firmware appends `&pushcommkey=<key>`
 * to `cdata?…&options=all` when one is set on the terminal (some builds spell it `PushCommKey`).
 */
export function commKeyOf(query: unknown): string | null {
  if (!query || typeof query !== 'object') return null;
  for (const [name, value] of Object.entries(query as Record<string, unknown>)) {
    if (name.toLowerCase() === 'pushcommkey' && typeof value === 'string' && value !== '') return value.slice(0, 64);
  }
  return null;
}
