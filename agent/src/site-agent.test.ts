import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { AgentCommand, PullRequest, PullResponse, ResultsResponse } from '../../extensions/platform/src/devices/delivery/agent-protocol';
import type { PersonOnTerminal, TerminalClient } from '../../extensions/platform/src/devices/delivery/terminal-client';
import type { DeliveryResult } from '../../extensions/platform/src/devices/delivery/types';
import { Journal } from './journal';
import type { PlatformApi } from './platform-client';
import { SiteAgent } from './site-agent';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The platform's side of the protocol, in memory: a queue, `held` releases, results once per attempt. */
class FakePlatform implements PlatformApi {
  readonly status = new Map<number, { command: AgentCommand; state: 'pending' | 'sent' | 'done' }>();
  readonly recorded: DeliveryResult[] = [];
  online = true;
  constructor(count: number) {
    for (let id = 1; id <= count; id += 1) this.status.set(id, { command: { id, device: 1, attempt: 0, kind: 'user_update', payload: { pin: `P${id}`, name: `工人${id}`, card_no: null } }, state: 'pending' });
  }
  async pull(request: PullRequest): Promise<PullResponse> {
    if (!this.online) throw new Error('offline');
    for (const entry of this.status.values()) if (entry.state === 'sent' && !request.held.includes(entry.command.id)) entry.state = 'pending';
    const handed = [...this.status.values()].filter((e) => e.state === 'pending').slice(0, request.limit);
    for (const entry of handed) {
      entry.state = 'sent';
      entry.command = { ...entry.command, attempt: entry.command.attempt + 1 };
    }
    return { agent: { id: 3, name: '东门', project: 9 }, poll_seconds: 1, terminals: [{ id: 1, sn: 'HIK1', name: '东门', vendor: 'hikvision', api_url: 'http://t', api_user: 'admin', api_password: 'x' }], commands: handed.map((e) => e.command) };
  }
  async report(results: readonly DeliveryResult[]): Promise<ResultsResponse> {
    if (!this.online) throw new Error('offline');
    for (const result of results) {
      const entry = this.status.get(result.id)!;
      if (entry.state === 'sent' && entry.command.attempt === result.attempt) {
        entry.state = result.outcome === 'done' ? 'done' : 'pending';
        this.recorded.push(result);
      }
    }
    return { accepted: results.map((r) => r.id), rejected: [] };
  }
}

/**
 * A terminal that counts what it applied. `hangAt`: the n-th call is applied and then never answered
 * — the agent is "killed" while waiting for it (its promise is simply abandoned).
 */
class CountingTerminal implements TerminalClient {
  readonly applied = new Map<string, number>();
  calls = 0;
  hangAt: number | null = null;
  async upsertPerson(person: PersonOnTerminal) {
    this.calls += 1;
    this.applied.set(person.pin, (this.applied.get(person.pin) ?? 0) + 1);
    if (this.calls === this.hangAt) await new Promise(() => undefined);
  }
  async setFace() {}
  async removePerson() {}
  close() {}
}

const silent = () => undefined;

describe('the site agent', () => {
  test('pulls, delivers and reports until idle; every command recorded once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'agent-'));
    dirs.push(dir);
    const platform = new FakePlatform(25);
    const terminal = new CountingTerminal();
    const agent = new SiteAgent(platform, Journal.open(dir), { batch: 10, concurrency: 3, timeoutMs: 1000, log: silent, clientFor: () => terminal });
    while ((await agent.cycle()) === 'busy');
    expect(platform.recorded).toHaveLength(25);
    expect([...terminal.applied.values()].every((n) => n === 1)).toBe(true);
  });

  test('a result kept while the platform is unreachable is reported after a restart, the terminal not asked again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'agent-'));
    dirs.push(dir);
    const platform = new FakePlatform(5);
    const terminal = new CountingTerminal();
    const options = { batch: 10, concurrency: 2, timeoutMs: 1000, log: silent, clientFor: () => terminal };
    const first = new SiteAgent(platform, Journal.open(dir), options);
    await first.cycle(); // pull
    platform.online = false;
    await expect(first.cycle()).rejects.toThrow('offline'); // delivered, report failed
    expect(terminal.applied.size).toBe(5);
    // The process dies; a new one starts on the same journal once the network is back.
    writeFileSync(join(dir, 'agent.lock'), '999999');
    platform.online = true;
    const second = new SiteAgent(platform, Journal.open(dir), options);
    while ((await second.cycle()) === 'busy');
    expect(platform.recorded.map((r) => r.id).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
    expect([...terminal.applied.values()]).toEqual([1, 1, 1, 1, 1]);
  });

  test('killed mid-batch: nothing lost, only the call in flight reaches the terminal twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'agent-'));
    dirs.push(dir);
    const platform = new FakePlatform(12);
    const terminal = new CountingTerminal();
    terminal.hangAt = 6;
    const options = { batch: 20, concurrency: 1, timeoutMs: 1000, log: silent, clientFor: () => terminal };
    const first = new SiteAgent(platform, Journal.open(dir), options);
    await first.cycle(); // pulls all 12
    void first.cycle(); // delivers 5, the 6th is applied but never answered: the process is killed here
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(terminal.calls).toBe(6);
    terminal.hangAt = null;
    writeFileSync(join(dir, 'agent.lock'), '999999');
    const second = new SiteAgent(platform, Journal.open(dir), options);
    while ((await second.cycle()) === 'busy');
    expect(platform.recorded.map((r) => `${r.id}:${r.outcome}`).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `${i + 1}:done`).sort());
    // Nothing was handed out twice (every result answers the first delivery); the terminal saw P6 twice.
    expect(platform.recorded.every((r) => r.attempt === 1)).toBe(true);
    expect([...terminal.applied].filter(([, n]) => n > 1)).toEqual([['P6', 2]]);
    expect(terminal.applied.size).toBe(12);
  });
});
