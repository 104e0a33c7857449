import { describe, expect, test } from 'vitest';
import { deliverCommands } from './deliver-commands';
import type { PersonOnTerminal, TerminalClient } from './terminal-client';
import { TerminalError } from './terminal-error';
import type { DeliveryCommand } from './types';

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xd9]);

/** A scripted terminal: records calls, tracks how many run at once, fails where told. */
class FakeTerminal implements TerminalClient {
  readonly calls: string[] = [];
  inFlight = 0;
  maxInFlight = 0;
  constructor(private readonly fail: (call: string) => TerminalError | null = () => null) {}
  private async run(call: string): Promise<void> {
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    await new Promise((resolve) => setTimeout(resolve, 2));
    this.calls.push(call);
    this.inFlight -= 1;
    const error = this.fail(call);
    if (error) throw error;
  }
  upsertPerson(person: PersonOnTerminal) {
    return this.run(`user ${person.pin} ${person.name} ${person.cardNo ?? '-'}`);
  }
  setFace(pin: string) {
    return this.run(`face ${pin}`);
  }
  removePerson(pin: string) {
    return this.run(`delete ${pin}`);
  }
  close() {}
}

const enrol = (count: number): DeliveryCommand[] =>
  Array.from({ length: count }, (_, i) => [
    { id: i * 2 + 1, attempt: 1, kind: 'user_update' as const, payload: { pin: `P${i}`, name: `工人${i}`, card_no: i === 0 ? 'C1' : null } },
    { id: i * 2 + 2, attempt: 1, kind: 'face_update' as const, payload: { pin: `P${i}`, face_file: `f${i}` } },
  ]).flat();

describe('deliverCommands', () => {
  test("each person's commands in order, people in parallel up to the limit", async () => {
    const terminal = new FakeTerminal();
    const results = await deliverCommands(terminal, enrol(10).reverse(), { concurrency: 3, loadFace: async () => JPEG });
    expect(results.every((r) => r.outcome === 'done' && r.code === '0')).toBe(true);
    expect(results).toHaveLength(20);
    for (let i = 0; i < 10; i += 1) expect(terminal.calls.indexOf(`user P${i} 工人${i} ${i === 0 ? 'C1' : '-'}`)).toBeLessThan(terminal.calls.indexOf(`face P${i}`));
    expect(terminal.maxInFlight).toBe(3);
  });

  test('a wrong password: one failed login, then everything fails with the terminal message and nothing more is sent', async () => {
    const terminal = new FakeTerminal(() => new TerminalError('auth', '终端拒绝登录（HTTP 401）'));
    const seen: number[] = [];
    const results = await deliverCommands(terminal, enrol(5), { concurrency: 4, loadFace: async () => JPEG, onResult: (r) => void seen.push(r.id) });
    expect(terminal.calls).toEqual(['user P0 工人0 C1']);
    expect(results.map((r) => [r.outcome, r.code, r.message])).toEqual(Array(10).fill(['failed', 'AUTH', '终端拒绝登录（HTTP 401）']));
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
  });

  test('an unreachable terminal: the rest waits for a retry, untouched', async () => {
    const terminal = new FakeTerminal(() => new TerminalError('unreachable', '无法连接终端 10.0.0.9：ECONNREFUSED'));
    const results = await deliverCommands(terminal, enrol(3), { concurrency: 2, loadFace: async () => JPEG });
    expect(terminal.calls).toHaveLength(1);
    expect(new Set(results.map((r) => `${r.outcome} ${r.code}`))).toEqual(new Set(['retry UNREACHABLE']));
  });

  test('a refused command fails alone; a busy one is retried; a missing face fails without a call', async () => {
    const terminal = new FakeTerminal((call) =>
      call === 'face P1' ? new TerminalError('refused', 'Invalid Content (SubpicAnalysisModelingError)', 'FACE_MODELING') : call === 'user P2 工人2 -' ? new TerminalError('busy', 'Device Busy') : null,
    );
    const results = await deliverCommands(terminal, enrol(4), { concurrency: 2, loadFace: async (file) => (file === 'f3' ? null : JPEG) });
    const byId = Object.fromEntries(results.map((r) => [r.id, `${r.outcome} ${r.code}`]));
    expect(byId).toMatchObject({ 1: 'done 0', 2: 'done 0', 3: 'done 0', 4: 'failed FACE_MODELING', 5: 'retry BUSY', 7: 'done 0', 8: 'failed NOFACE' });
    expect(terminal.calls).not.toContain('face P3');
  });

  test('a removal', async () => {
    const terminal = new FakeTerminal();
    const [result] = await deliverCommands(terminal, [{ id: 9, attempt: 2, kind: 'user_delete', payload: { pin: 'P9', name: '某某' } }], { concurrency: 4, loadFace: async () => null });
    expect(result).toEqual({ id: 9, attempt: 2, outcome: 'done', code: '0', message: null });
    expect(terminal.calls).toEqual(['delete P9']);
  });
});
