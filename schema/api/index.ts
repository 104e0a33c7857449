/**
 * The typed contract of `/platform/*`, shared by the server (`extensions/platform`, which parses
 * every request with these zod models and declares its answers with these types) and the H5
 * (`web-h5/src/api`, which imports the types only, so no zod reaches its bundle). One module per
 * concern; a request model, its labels and its answer are written here once and nowhere else.
 */
export * from './account';
export * from './common';
export * from './contracts';
export * from './declarations';
export * from './exits';
export * from './exports';
export * from './faces';
export * from './identity';
export * from './key-posts';
export * from './ocr';
export * from './payroll';
export * from './people';
export * from './registrations';
export * from './site';
export * from './teams';
