/**
 * How a call to a terminal went wrong. `failure` decides what happens to the command:
 * - auth: the terminal refused the credentials — nothing more is sent to it in this run (a Hikvision
 *   terminal locks the user after a few wrong passwords), the command fails with its message;
 * - unreachable: no connection or no answer in time — retried later with a backoff;
 * - busy: the terminal answered that it is busy or failed internally — retried later;
 * - refused: the terminal refused this command (bad photo, bad data) — fails with its message;
 * - exists / not_found / not_supported: answers the vendor clients turn into another call
 *   (modify instead of add, nothing to delete, an older firmware's endpoint).
 */
export type TerminalFailure = 'auth' | 'unreachable' | 'busy' | 'refused' | 'exists' | 'not_found' | 'not_supported';

export class TerminalError extends Error {
  readonly failure: TerminalFailure;
  /** Short machine code for `device_commands.return_code` (≤ 16 characters). */
  readonly code: string;

  constructor(failure: TerminalFailure, message: string, code?: string) {
    super(message);
    this.name = 'TerminalError';
    this.failure = failure;
    this.code = (code ?? defaultCode(failure)).slice(0, 16);
  }
}

function defaultCode(failure: TerminalFailure): string {
  switch (failure) {
    case 'auth':
      return 'AUTH';
    case 'unreachable':
      return 'UNREACHABLE';
    case 'busy':
      return 'BUSY';
    case 'not_found':
      return 'NOT_FOUND';
    case 'exists':
      return 'EXISTS';
    case 'not_supported':
      return 'NOT_SUPPORTED';
    default:
      return 'REFUSED';
  }
}

/** A terminal's message cut to what `device_commands.error_message` holds, on one line. */
export function terminalMessage(text: string, max = 500): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
