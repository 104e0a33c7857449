/**
 * What the deliverer works with, whoever runs it (the platform's delivery job or a site agent).
 * Pure types: this folder imports nothing from Directus, knex or the platform's database, so the
 * site agent bundles it as it is.
 */
import type { DeviceCommandKind } from '../../../../../schema/codes';
import type { CommandPayload } from '../commands/command-payload';

/** Terminals enrolled through their own HTTP API (the platform calls them). */
export type TerminalVendor = 'hikvision' | 'uniubi';

export const TERMINAL_VENDORS: readonly TerminalVendor[] = ['hikvision', 'uniubi'];

/** A terminal as the deliverer reaches it. */
export interface TerminalTarget {
  /** The platform's device id. */
  id: number;
  vendor: TerminalVendor;
  /** Base URL of the terminal's HTTP API, e.g. `http://192.168.1.64` or `http://10.8.0.12:8090`. */
  apiUrl: string;
  /** Hikvision's digest user; Uniubi has none. */
  apiUser: string | null;
  /** Hikvision's digest password, or Uniubi's device password (`pass`). */
  apiPassword: string | null;
}

/** One queued command, handed out for one delivery. */
export interface DeliveryCommand {
  id: number;
  /** Which delivery this is (the command's `attempts` when it was handed out); results echo it. */
  attempt: number;
  kind: DeviceCommandKind;
  payload: CommandPayload;
}

/**
 * done: the terminal holds what the command said; retry: the terminal could not be reached or was
 * busy (delivered again after a backoff); failed: the terminal refused it (下发失败, its message kept).
 */
export type DeliveryOutcome = 'done' | 'retry' | 'failed';

export interface DeliveryResult {
  id: number;
  attempt: number;
  outcome: DeliveryOutcome;
  /** Short machine code, at most 16 characters: '0' when done, else e.g. AUTH, UNREACHABLE, REFUSED. */
  code: string;
  /** The terminal's own message, or why it could not be reached. */
  message: string | null;
}
