/**
 * 政治面貌: political status per GB/T 4762 (the national platform uses the same codes).
 * `label` is the short form forms show; `fullName` the standard's wording.
 */
import type { CodeListWith, CodeValue } from './code-list';

export const POLITICAL_STATUSES = [
  { value: '01', label: '中共党员', fullName: '中国共产党党员' },
  { value: '02', label: '中共预备党员', fullName: '中国共产党预备党员' },
  { value: '03', label: '共青团员', fullName: '中国共产主义青年团团员' },
  { value: '04', label: '民革党员', fullName: '中国国民党革命委员会会员' },
  { value: '05', label: '民盟盟员', fullName: '中国民主同盟盟员' },
  { value: '06', label: '民建会员', fullName: '中国民主建国会会员' },
  { value: '07', label: '民进会员', fullName: '中国民主促进会会员' },
  { value: '08', label: '农工党党员', fullName: '中国农工民主党党员' },
  { value: '09', label: '致公党党员', fullName: '中国致公党党员' },
  { value: '10', label: '九三学社社员', fullName: '九三学社社员' },
  { value: '11', label: '台盟盟员', fullName: '台湾民主自治同盟盟员' },
  { value: '12', label: '无党派人士', fullName: '无党派民主人士' },
  { value: '13', label: '群众', fullName: '群众' },
] as const satisfies CodeListWith<{ fullName: string }>;

export type PoliticalStatus = CodeValue<typeof POLITICAL_STATUSES>;

/** 群众, the default for a new worker. */
export const DEFAULT_POLITICAL_STATUS = '13' satisfies PoliticalStatus;
