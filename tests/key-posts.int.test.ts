import { inject } from 'vitest';
import { keyPostSuite } from './support/key-posts-suite';

keyPostSuite('SQLite', () => inject('baseUrl'), () => inject('platformEnv'));
