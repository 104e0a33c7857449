/**
 * The H5's single door to the shared code lists and rules in ../schema (also used by the API and
 * the Directus schema). Pages import from here, so a rename over there is fixed in one file.
 */
export {
  DEFAULT_REGION_CODE,
  INVESTMENT_TYPES,
  MAIN_UNIT_ROLES,
  PARTICIPATION_TYPES,
  PROJECT_CATEGORIES,
  REGION_TREE,
  WAGE_DEPOSIT_METHODS,
  isCodeValue,
  labelOf,
  regionCodePath,
  regionPath,
  toCascaderOptions,
  toChoices,
} from '../../../schema/codes';
export type {
  CascaderOption,
  Choice,
  InvestmentType,
  MainUnitRole,
  ProjectCategory,
  WageDepositMethod,
} from '../../../schema/codes';
export {
  accountToEmail,
  compareIsoDates,
  isIsoDate,
  normalizeBankAccount,
  normalizePhone,
  normalizeUscc,
  shanghaiDateTime,
  todayInShanghai,
  validateBankAccount,
  validatePhone,
  validateUscc,
} from '../../../schema/rules';
