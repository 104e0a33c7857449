/**
 * Boots one real Directus with our extension, schema and the small demo city on a fresh SQLite
 * database for all integration and browser tests, and tears it down afterwards.
 */
import type { TestProject } from 'vitest/node';
import { bootPlatform } from './platform';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    dataDir: string;
    platformEnv: Record<string, string>;
  }
}

export default async function setup(project: TestProject) {
  // Requests from loopback may name their client in X-Forwarded-For, as through the production
  // nginx: device tests play terminals behind other sites' addresses that way.
  const platform = await bootPlatform({ seed: 'small', extraEnv: { IP_TRUST_PROXY: 'loopback' } });
  project.provide('baseUrl', platform.baseUrl);
  project.provide('dataDir', platform.dataDir);
  project.provide('platformEnv', platform.env);
  return () => platform.stop();
}
