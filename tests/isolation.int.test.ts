import { inject } from 'vitest';
import { isolationSuite } from './support/isolation-suite';

isolationSuite('SQLite', () => inject('baseUrl'));
