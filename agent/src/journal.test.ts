import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { AgentCommand } from '../../extensions/platform/src/devices/delivery/agent-protocol';
import { Journal } from './journal';

const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'agent-journal-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const command = (id: number, attempt = 1): AgentCommand => ({ id, device: 7, attempt, kind: 'user_update', payload: { pin: `P${id}`, name: '张三', card_no: null } });
const done = (id: number, attempt = 1) => ({ id, attempt, outcome: 'done' as const, code: '0', message: null });

/** Reopens the journal the way a restarted agent does (the old process is gone: its lock is stale). */
function reopen(journal: Journal): Journal {
  const dir = journal.dir;
  // Simulate a crash: the lock file stays behind with a pid that no longer runs.
  writeFileSync(join(dir, 'agent.lock'), '999999');
  return Journal.open(dir);
}

describe('the agent journal', () => {
  test('survives a restart: undelivered commands and unreported results come back', () => {
    const journal = Journal.open(freshDir());
    journal.addPulled([command(1), command(2), command(3)]);
    journal.addResult(done(1));
    const again = reopen(journal);
    expect(again.undelivered().map((c) => c.id)).toEqual([2, 3]);
    expect(again.unreported()).toEqual([done(1)]);
    expect(again.held().sort()).toEqual([1, 2, 3]);
  });

  test('a torn last line (power cut mid-write) is skipped, the rest kept', () => {
    const journal = Journal.open(freshDir());
    journal.addPulled([command(1)]);
    journal.close();
    appendFileSync(join(journal.dir, 'journal.jsonl'), '{"op":"result","result":{"id":1,"att');
    const again = Journal.open(journal.dir);
    expect(again.skipped).toBe(1);
    expect(again.undelivered().map((c) => c.id)).toEqual([1]);
  });

  test('acknowledged results are forgotten and the file emptied once nothing is held', () => {
    const journal = Journal.open(freshDir());
    journal.addPulled([command(1), command(2)]);
    journal.addResult(done(1));
    journal.addResult(done(2));
    journal.acknowledge([1]);
    expect(journal.held()).toEqual([2]);
    journal.acknowledge([2, 99]);
    expect(journal.held()).toEqual([]);
    expect(readFileSync(join(journal.dir, 'journal.jsonl'), 'utf8')).toBe('');
    expect(reopen(journal).held()).toEqual([]);
  });

  test('a result for an earlier delivery of a command does not count for a newer one', () => {
    const journal = Journal.open(freshDir());
    journal.addPulled([command(5, 1)]);
    journal.addPulled([command(5, 2)]);
    journal.addResult(done(5, 1));
    expect(journal.unreported()).toEqual([]);
    expect(journal.undelivered().map((c) => c.attempt)).toEqual([2]);
  });

  test('a second agent on the same data folder is refused', () => {
    const journal = Journal.open(freshDir());
    expect(() => Journal.open(journal.dir)).toThrow(/另一个现场代理/);
    journal.close();
    expect(() => Journal.open(journal.dir).close()).not.toThrow();
  });
});
