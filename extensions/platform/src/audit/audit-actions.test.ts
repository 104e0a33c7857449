import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { AUDIT_ACTIONS } from '../../../../schema/codes';

const SRC = join(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every quoted action name the extension's code writes (`action: 'x.y'`, `action: cond ? 'a.b' : 'c.d'`). */
function writtenActions(): Set<string> {
  const found = new Set<string>();
  for (const file of sources(SRC)) {
    for (const [, expression] of readFileSync(file, 'utf8').matchAll(/\baction:\s*([^,\n}]+)/g)) {
      for (const [, literal] of expression!.matchAll(/'([a-z_]+(?:\.[a-z_]+)*)'/g)) {
        if (literal!.includes('.') || literal === 'export') found.add(literal!);
      }
    }
  }
  return found;
}

describe('audit actions', () => {
  test('every action the platform writes has a Chinese label', () => {
    const written = writtenActions();
    expect(written.size).toBeGreaterThan(20);
    const labelled = new Set<string>(AUDIT_ACTIONS.map((a) => a.value));
    expect([...written].filter((action) => !labelled.has(action))).toEqual([]);
  });
});
