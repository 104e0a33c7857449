/**
 * The site agent's journal: an append-only file of what it pulled, what each terminal answered, and
 * which results the platform acknowledged, synced to disk before the agent acts on it. After a crash
 * or a restart the agent replays it: commands without a result are delivered (the one that was in
 * flight may reach its terminal twice — every terminal call is idempotent), results not yet
 * acknowledged are reported again (the platform records each command and attempt once). A torn last
 * line (power cut mid-write) is skipped. The file is emptied once everything is acknowledged.
 *
 * A lock file keeps two agents off one journal.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { AgentCommand } from '../../extensions/platform/src/devices/delivery/agent-protocol';
import type { DeliveryResult } from '../../extensions/platform/src/devices/delivery/types';

type Entry = { op: 'pulled'; command: AgentCommand } | { op: 'result'; result: DeliveryResult } | { op: 'acked'; ids: number[] };

export interface JournalItem {
  command: AgentCommand;
  result?: DeliveryResult;
}

/** Rewrite the file when it grows past this and holds little (acknowledged entries pile up). */
const COMPACT_BYTES = 16 * 1024 * 1024;

export class Journal {
  readonly dir: string;
  private readonly file: string;
  private readonly lockFile: string;
  private readonly items = new Map<number, JournalItem>();
  private fd: number;
  /** Lines skipped on replay (torn or unreadable). */
  readonly skipped: number;

  private constructor(dir: string) {
    this.dir = dir;
    this.file = join(dir, 'journal.jsonl');
    this.lockFile = join(dir, 'agent.lock');
    let skipped = 0;
    if (existsSync(this.file)) {
      for (const line of readFileSync(this.file, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        try {
          this.apply(JSON.parse(line) as Entry);
        } catch {
          skipped += 1;
        }
      }
    }
    this.skipped = skipped;
    this.fd = openSync(this.file, 'a');
  }

  /**
   * Opens (creating) the journal in `dir`, taking its lock.
   * @example const journal = Journal.open('./platform-agent-data');
   */
  static open(dir: string): Journal {
    mkdirSync(dir, { recursive: true });
    takeLock(join(dir, 'agent.lock'));
    return new Journal(dir);
  }

  private apply(entry: Entry): void {
    if (entry.op === 'pulled') {
      if (!this.items.has(entry.command.id) || this.items.get(entry.command.id)!.command.attempt < entry.command.attempt) this.items.set(entry.command.id, { command: entry.command });
    } else if (entry.op === 'result') {
      const item = this.items.get(entry.result.id);
      if (item && item.command.attempt === entry.result.attempt) item.result = entry.result;
    } else if (entry.op === 'acked') {
      for (const id of entry.ids) this.items.delete(id);
    } else {
      throw new Error('unknown journal entry');
    }
  }

  private write(entries: readonly Entry[]): void {
    if (!entries.length) return;
    writeSync(this.fd, entries.map((entry) => `${JSON.stringify(entry)}\n`).join(''));
    fsyncSync(this.fd);
    for (const entry of entries) this.apply(entry);
  }

  /** Commands just pulled, on disk before any is delivered. */
  addPulled(commands: readonly AgentCommand[]): void {
    this.write(commands.map((command) => ({ op: 'pulled' as const, command })));
  }

  /** A terminal's answer, on disk before it is reported. */
  addResult(result: DeliveryResult): void {
    if (this.items.has(result.id)) this.write([{ op: 'result', result }]);
  }

  /** The platform has these: forgotten. */
  acknowledge(ids: readonly number[]): void {
    const known = ids.filter((id) => this.items.has(id));
    if (!known.length) return;
    this.write([{ op: 'acked', ids: known }]);
    this.compact();
  }

  /** Commands still to deliver, oldest first. */
  undelivered(): AgentCommand[] {
    return [...this.items.values()].filter((item) => !item.result).map((item) => item.command).sort((a, b) => a.id - b.id);
  }

  /** Results still to report. */
  unreported(): DeliveryResult[] {
    return [...this.items.values()].flatMap((item) => (item.result ? [item.result] : []));
  }

  /** Every command id held (delivered or not, reported or not). */
  held(): number[] {
    return [...this.items.keys()];
  }

  private compact(): void {
    const size = statSync(this.file).size;
    if (this.items.size > 0 && size < COMPACT_BYTES) return;
    const entries: Entry[] = [...this.items.values()].flatMap((item) => [{ op: 'pulled' as const, command: item.command }, ...(item.result ? [{ op: 'result' as const, result: item.result }] : [])]);
    const next = `${this.file}.next`;
    writeFileSync(next, entries.map((entry) => `${JSON.stringify(entry)}\n`).join(''));
    const fd = openSync(next, 'r+');
    fsyncSync(fd);
    closeSync(fd);
    closeSync(this.fd);
    renameSync(next, this.file);
    syncDir(this.dir);
    this.fd = openSync(this.file, 'a');
  }

  close(): void {
    closeSync(this.fd);
    try {
      unlinkSync(this.lockFile);
    } catch {
      // already gone
    }
  }
}

function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    fsyncSync(fd);
    closeSync(fd);
  } catch {
    // Some platforms cannot fsync a directory; the rename is still atomic.
  }
}

/** One agent per data folder: a lock file with our pid; a dead process's lock is taken over. */
function takeLock(file: string): void {
  for (let tries = 0; tries < 2; tries += 1) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number(readFileSync(file, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && (pid === process.pid || alive(pid))) throw new Error(`另一个现场代理（进程 ${pid}）正在使用数据目录 ${file.replace(/agent\.lock$/, '')}`);
      unlinkSync(file);
    }
  }
  throw new Error(`无法锁定数据目录：${file}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
