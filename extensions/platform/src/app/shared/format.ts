/**
 * How the studio shows numbers and dates to bureau staff (pure, shared by our displays, interfaces
 * and panel): money with grouping and two decimals, rates as percentages, Chinese dates.
 */
import type { NumberFormat } from '../../../../../schema/model/studio-ui';

const asNumber = (value: unknown): number | null => {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
};

/** `584933.32` → `584,933.32 元`. */
export function formatMoney(value: unknown, unit = '元'): string | null {
  const n = asNumber(value);
  if (n === null) return null;
  const text = n.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: true });
  return unit ? `${text} ${unit}` : text;
}

/** A fraction as a percentage: `0.625` → `62.5%`, `1` → `100%`. */
export function formatPercent(value: unknown, digits = 1): string | null {
  const n = asNumber(value);
  if (n === null) return null;
  return `${(Math.round(n * 100 * 10 ** digits) / 10 ** digits).toLocaleString('zh-CN', { maximumFractionDigits: digits })}%`;
}

/** A warning's value or threshold: a rate for the rate warnings, days for 长期未打卡. */
export function formatWarningFigure(value: unknown, kind: unknown): string | null {
  const n = asNumber(value);
  if (n === null) return null;
  return kind === 'long_absence' ? `${n.toLocaleString('zh-CN', { maximumFractionDigits: 0 })} 天` : formatPercent(n);
}

export function formatNumber(value: unknown, format: NumberFormat | undefined, options: { unit?: string; kind?: unknown } = {}): string | null {
  if (format === 'money') return formatMoney(value, options.unit ?? '元');
  if (format === 'percent') return formatPercent(value);
  if (format === 'warning-figure') return formatWarningFigure(value, options.kind);
  const n = asNumber(value);
  return n === null ? null : n.toLocaleString('zh-CN');
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as Beijing time: `2026-05-06T01:02:00Z` → `2026年5月6日 09:02`. */
export function formatDateTime(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  const date = new Date(typeof value === 'number' ? value : String(value));
  if (Number.isNaN(date.getTime())) return String(value);
  const local = new Date(date.getTime() + 8 * 3600_000);
  return `${local.getUTCFullYear()}年${local.getUTCMonth() + 1}月${local.getUTCDate()}日 ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}

/** A `YYYY-MM-DD` day: `2026-05-06` → `2026年5月6日` (or `5月6日` without the year). */
export function formatDay(value: unknown, withYear = true): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(value ?? ''));
  if (!match) return value === null || value === undefined || value === '' ? null : String(value);
  const [, y, m, d] = match;
  return withYear ? `${y}年${Number(m)}月${Number(d)}日` : `${Number(m)}月${Number(d)}日`;
}

/** A JSON column's value as stored (object on PostgreSQL, sometimes text), parsed; null when it is not JSON. */
export function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
}
