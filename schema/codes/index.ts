/**
 * Code lists shared by the Directus schema, the API extension and the H5. Pure data and
 * pure functions: no I/O, no framework imports.
 */
export * from './code-list';
export * from './trades';
export * from './managementPosts';
export * from './participation';
export * from './idTypes';
export * from './ethnicities';
export * from './education';
export * from './politicalStatus';
export * from './wageSettlement';
export * from './payroll';
export * from './project';
export * from './people';
export * from './devices';
export * from './credentials';
export * from './keyPosts';
export * from './warnings';
export * from './attendance';
export * from './regions';
export * from './bloodTypes';
export * from './audit';
