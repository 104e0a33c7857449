/**
 * Pure field rules shared by the API extension and the H5: each validator returns a typed
 * result with a stable `code` for machines and a Chinese `message` for people.
 */
export * from './dates';
export * from './id-card';
export * from './uscc';
export * from './phone';
export * from './bank';
export * from './account';
export * from './exit-date';
export * from './sensitive';
export * from './amount';
export * from './image';
