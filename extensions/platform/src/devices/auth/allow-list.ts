/**
 * A device's allow-list of source addresses (设备管理 → 允许的来源地址): IPv4/IPv6 addresses and
 * CIDR ranges, one per line (commas, semicolons and spaces separate too). Pure: no I/O.
 */
import { BlockList, isIP } from 'node:net';

export interface AllowList {
  /** The entries as written, normalised (for messages). */
  readonly entries: readonly string[];
  allows(ip: string | null): boolean;
}

export interface ParsedAllowList {
  /** Null when the text names no address (no restriction). */
  list: AllowList | null;
  /** Entries that are not an address or range. */
  problems: string[];
}

const SEPARATORS = /[\s,;，；、]+/;
const MAX_ENTRIES = 64;

export function parseAllowList(text: string | null | undefined): ParsedAllowList {
  const words = (text ?? '').split(SEPARATORS).filter(Boolean);
  const blocks = new BlockList();
  const entries: string[] = [];
  const problems: string[] = [];
  for (const word of words.slice(0, MAX_ENTRIES)) {
    const [address = '', prefixText, extra] = word.split('/');
    const family = isIP(address);
    const prefix = prefixText === undefined ? null : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
    const maxPrefix = family === 6 ? 128 : 32;
    if (!family || extra !== undefined || (prefix !== null && !(prefix >= 0 && prefix <= maxPrefix))) {
      problems.push(word);
      continue;
    }
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (prefix === null) blocks.addAddress(address, type);
    else blocks.addSubnet(address, prefix, type);
    entries.push(word);
  }
  if (words.length > MAX_ENTRIES) problems.push(`最多 ${MAX_ENTRIES} 条`);
  if (!entries.length) return { list: null, problems };
  return {
    list: {
      entries,
      allows(ip) {
        if (!ip) return false;
        const family = isIP(ip);
        return family !== 0 && blocks.check(ip, family === 6 ? 'ipv6' : 'ipv4');
      },
    },
    problems,
  };
}
