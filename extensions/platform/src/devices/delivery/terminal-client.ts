/**
 * What the deliverer asks of a terminal, whatever its vendor. Each call leaves the terminal in the
 * stated end state (so a repeated call is harmless) or throws a TerminalError.
 */
import { HikvisionClient } from './hikvision-client';
import { HttpTransport } from './http-transport';
import type { TerminalTarget } from './types';
import { UniubiClient } from './uniubi-client';

export interface PersonOnTerminal {
  /** The person's device PIN: Hikvision employeeNo, Uniubi person id. */
  pin: string;
  name: string;
  /** The access card, or null for none (any card the terminal had is removed). */
  cardNo: string | null;
}

export interface TerminalClient {
  /** The person exists on the terminal with this name and card (created or modified). */
  upsertPerson(person: PersonOnTerminal): Promise<void>;
  /** The person's face is this JPEG (added or replaced). */
  setFace(pin: string, jpeg: Buffer): Promise<void>;
  /** The person (with cards and face) is gone from the terminal; gone already is fine. */
  removePerson(pin: string): Promise<void>;
  /** Releases the connections. */
  close(): void;
}

export interface ClientOptions {
  /** Requests in flight at a time (sockets kept open). */
  concurrency: number;
  timeoutMs: number;
}

export function createTerminalClient(target: TerminalTarget, options: ClientOptions): TerminalClient {
  const transport = new HttpTransport(target.apiUrl, { timeoutMs: options.timeoutMs, maxSockets: options.concurrency });
  return target.vendor === 'hikvision' ? new HikvisionClient(transport, target.apiUser ?? 'admin', target.apiPassword ?? '') : new UniubiClient(transport, target.apiPassword ?? '');
}
