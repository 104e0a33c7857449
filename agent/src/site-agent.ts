/**
 * One site agent: reports what its journal holds, delivers what it pulled, pulls more. Every step
 * goes through the journal first (journal.ts), so a kill or a lost network at any point loses
 * nothing and repeats nothing the platform or the terminal has already taken.
 */
import type { AgentCommand, AgentTerminal } from '../../extensions/platform/src/devices/delivery/agent-protocol';
import { deliverCommands } from '../../extensions/platform/src/devices/delivery/deliver-commands';
import { createTerminalClient, type ClientOptions, type TerminalClient } from '../../extensions/platform/src/devices/delivery/terminal-client';
import type { DeliveryResult, TerminalTarget } from '../../extensions/platform/src/devices/delivery/types';
import type { Journal } from './journal';
import type { PlatformApi } from './platform-client';

export interface SiteAgentOptions extends ClientOptions {
  /** Commands per pull. */
  batch: number;
  log: (line: string) => void;
  /** For tests: how a terminal is reached. */
  clientFor?: (target: TerminalTarget) => TerminalClient;
}

/** What one cycle did: `idle` — nothing to do until the next poll. */
export type CycleState = 'busy' | 'idle';

export class SiteAgent {
  private readonly platform: PlatformApi;
  private readonly journal: Journal;
  private readonly options: SiteAgentOptions;
  private terminals: Map<number, AgentTerminal> | null = null;
  /** Seconds the platform asks an idle agent to wait. */
  pollSeconds = 10;

  constructor(platform: PlatformApi, journal: Journal, options: SiteAgentOptions) {
    this.platform = platform;
    this.journal = journal;
    this.options = options;
  }

  /** One step; throws when the platform cannot be reached (the caller waits and tries again). */
  async cycle(): Promise<CycleState> {
    if (this.journal.unreported().length) {
      await this.report();
      return 'busy';
    }
    const undelivered = this.journal.undelivered();
    if (undelivered.length) {
      // After a restart the terminals' settings are not known yet: ask the platform (nothing handed out).
      if (!this.terminals) await this.pull(0);
      await this.deliver(undelivered);
      await this.report();
      return 'busy';
    }
    const pulled = await this.pull(this.options.batch);
    return pulled ? 'busy' : 'idle';
  }

  private async pull(limit: number): Promise<number> {
    const answer = await this.platform.pull({ limit, held: this.journal.held() });
    this.terminals = new Map(answer.terminals.map((t) => [t.id, t]));
    this.pollSeconds = answer.poll_seconds;
    this.journal.addPulled(answer.commands);
    if (answer.commands.length) this.options.log(`已领取 ${answer.commands.length} 条指令（本代理负责终端 ${answer.terminals.length} 台）`);
    return answer.commands.length;
  }

  private async deliver(commands: readonly AgentCommand[]): Promise<void> {
    const byDevice = new Map<number, AgentCommand[]>();
    for (const command of commands) byDevice.set(command.device, [...(byDevice.get(command.device) ?? []), command]);
    await Promise.all(
      [...byDevice].map(async ([deviceId, list]) => {
        const terminal = this.terminals?.get(deviceId);
        if (!terminal) {
          // No longer this agent's terminal: say so; the platform rejects the result and the journal drops it.
          for (const command of list) this.journal.addResult({ id: command.id, attempt: command.attempt, outcome: 'retry', code: 'NOT_MINE', message: '该终端已不由本现场代理下发' });
          return;
        }
        const target: TerminalTarget = { id: terminal.id, vendor: terminal.vendor, apiUrl: terminal.api_url, apiUser: terminal.api_user, apiPassword: terminal.api_password };
        const client = this.options.clientFor ? this.options.clientFor(target) : createTerminalClient(target, this.options);
        const faces = new Map(list.map((c) => [c.id, c.face_jpeg]));
        const byFile = new Map(list.filter((c) => c.payload.face_file).map((c) => [c.payload.face_file!, c.id]));
        try {
          const results = await deliverCommands(
            client,
            list.map((c) => ({ id: c.id, attempt: c.attempt, kind: c.kind, payload: c.payload })),
            {
              concurrency: this.options.concurrency,
              loadFace: async (file) => {
                const face = faces.get(byFile.get(file) ?? -1);
                return face ? Buffer.from(face, 'base64') : null;
              },
              onResult: (result) => this.journal.addResult(result),
            },
          );
          this.options.log(`终端 ${terminal.name ?? terminal.sn}：${summary(results)}`);
        } finally {
          client.close();
        }
      }),
    );
  }

  private async report(): Promise<void> {
    const results = this.journal.unreported();
    for (let i = 0; i < results.length; i += 500) {
      const chunk = results.slice(i, i + 500);
      const answer = await this.platform.report(chunk);
      this.journal.acknowledge([...answer.accepted, ...answer.rejected]);
      if (answer.rejected.length) this.options.log(`平台未接受 ${answer.rejected.length} 条结果（指令不属于本代理），已丢弃`);
    }
  }
}

function summary(results: readonly DeliveryResult[]): string {
  const count = (outcome: DeliveryResult['outcome']) => results.filter((r) => r.outcome === outcome).length;
  const failed = results.find((r) => r.outcome !== 'done');
  return `完成 ${count('done')} 条，待重试 ${count('retry')} 条，失败 ${count('failed')} 条${failed?.message ? `（${failed.message}）` : ''}`;
}
