/**
 * 证件类型: identity document types. Codes 01–17 are the national platform's dictionary;
 * the two residence documents issued since 2017/2018 have no code there yet, so they carry
 * project-local slugs until the national table adds them.
 */
import type { CodeList, CodeValue } from './code-list';

export const ID_TYPES = [
  { value: '01', label: '居民身份证' },
  { value: '02', label: '军官证' },
  { value: '03', label: '武警警官证' },
  { value: '04', label: '士兵证' },
  { value: '05', label: '军队离退休干部证' },
  { value: '06', label: '残疾人证' },
  { value: '07', label: '残疾军人证（1-8级）' },
  { value: '08', label: '护照' },
  { value: '09', label: '港澳同胞回乡证' },
  { value: '10', label: '港澳居民来往内地通行证' },
  { value: '11', label: '中华人民共和国往来港澳通行证' },
  { value: '12', label: '台湾居民来往大陆通行证' },
  { value: '13', label: '大陆居民往来台湾通行证' },
  { value: '14', label: '外交官证' },
  { value: '15', label: '领事馆证' },
  { value: '16', label: '海员证' },
  { value: '17', label: '香港身份证' },
  { value: 'hmt_residence_permit', label: '港澳台居民居住证' },
  { value: 'foreign_permanent_residence', label: '外国人永久居留身份证' },
] as const satisfies CodeList;

export type IdType = CodeValue<typeof ID_TYPES>;

/** 居民身份证, the document real-name registration is built around. */
export const RESIDENT_ID_CARD = '01' satisfies IdType;

/** Document types whose numbers are 18 characters with a GB 11643 check digit. */
export const GB11643_ID_TYPES = [
  RESIDENT_ID_CARD,
  'hmt_residence_permit',
] as const satisfies readonly IdType[];
