/**
 * Delivers a batch of one terminal's queued commands and says what became of each: the one
 * deliverer behind both transports (the platform's delivery job, the site agent).
 *
 * - A person's commands run one after another in queue order (the person before the face, a
 *   removal after both); different people run in parallel, at most `concurrency` at a time. The
 *   first command runs alone, so a wrong password costs one failed login, not one per socket.
 * - A wrong password stops the batch: every command not yet done fails with the terminal's message
 *   (retrying would only get the user locked). A terminal that cannot be reached stops it too: the
 *   rest is retried later, with a backoff decided by the caller.
 */
import type { TerminalClient } from './terminal-client';
import { TerminalError, terminalMessage } from './terminal-error';
import type { DeliveryCommand, DeliveryResult } from './types';

export interface DeliverOptions {
  concurrency: number;
  /** The face JPEG of a face command's `face_file`, or null when there is none to send. */
  loadFace: (fileId: string) => Promise<Buffer | null>;
  /** Called as each result is known (the site agent journals it before anything else happens). */
  onResult?: (result: DeliveryResult) => void | Promise<void>;
}

/** Why a face command fails when its photo cannot be read. */
export const NO_FACE_MESSAGE = '人脸照片文件不存在或不是可用的图片';

export async function deliverCommands(client: TerminalClient, commands: readonly DeliveryCommand[], options: DeliverOptions): Promise<DeliveryResult[]> {
  const byPerson = new Map<string, DeliveryCommand[]>();
  for (const command of [...commands].sort((a, b) => a.id - b.id)) {
    const group = byPerson.get(command.payload.pin);
    if (group) group.push(command);
    else byPerson.set(command.payload.pin, [command]);
  }
  const groups = [...byPerson.values()];
  const results: DeliveryResult[] = [];
  let halt: { outcome: 'retry' | 'failed'; code: string; message: string } | null = null;

  const settle = async (result: DeliveryResult) => {
    results.push(result);
    await options.onResult?.(result);
  };
  const runGroup = async (group: readonly DeliveryCommand[]) => {
    for (const command of group) {
      if (halt) {
        await settle({ id: command.id, attempt: command.attempt, outcome: halt.outcome, code: halt.code, message: halt.message });
        continue;
      }
      const result = await deliverOne(client, command, options);
      if (!halt && result.outcome !== 'done' && (result.code === 'AUTH' || result.code === 'LOCKED')) halt = { outcome: 'failed', code: result.code, message: result.message ?? '' };
      else if (!halt && result.outcome === 'retry' && (result.code === 'UNREACHABLE' || result.code === 'TIMEOUT')) halt = { outcome: 'retry', code: result.code, message: result.message ?? '' };
      await settle(result);
    }
  };

  const first = groups.shift();
  if (first) await runGroup(first);
  await Promise.all(
    Array.from({ length: Math.min(Math.max(1, options.concurrency), groups.length) }, async () => {
      for (let group = groups.shift(); group; group = groups.shift()) await runGroup(group);
    }),
  );
  return results;
}

async function deliverOne(client: TerminalClient, command: DeliveryCommand, options: DeliverOptions): Promise<DeliveryResult> {
  const base = { id: command.id, attempt: command.attempt };
  const { payload } = command;
  try {
    if (command.kind === 'user_update') {
      await client.upsertPerson({ pin: payload.pin, name: payload.name ?? '', cardNo: payload.card_no ?? null });
    } else if (command.kind === 'user_delete') {
      await client.removePerson(payload.pin);
    } else {
      const jpeg = payload.face_file ? await options.loadFace(payload.face_file) : null;
      if (!jpeg) return { ...base, outcome: 'failed', code: 'NOFACE', message: NO_FACE_MESSAGE };
      await client.setFace(payload.pin, jpeg);
    }
    return { ...base, outcome: 'done', code: '0', message: null };
  } catch (error) {
    if (error instanceof TerminalError) {
      const retry = error.failure === 'unreachable' || error.failure === 'busy';
      return { ...base, outcome: retry ? 'retry' : 'failed', code: error.code, message: error.message };
    }
    // Not the terminal's doing (a face file that could not be read, a bug): tried again later.
    return { ...base, outcome: 'retry', code: 'ERROR', message: terminalMessage(error instanceof Error ? error.message : String(error)) };
  }
}
