/**
 * What the platform answers a ZKTeco PUSH terminal: the handshake options and queued commands as
 * `C:<id>:<command>` lines. Pure: no I/O.
 */
import type { CommandPayload } from '../commands/command-payload';

/** Seconds between a terminal's polls, and after an error. */
export const POLL_DELAY_SECONDS = 10;
export const ERROR_DELAY_SECONDS = 30;

/**
 * The handshake answer to `GET /iclock/cdata?SN=…&options=all`. The stamps tell the terminal which
 * records the platform already has, so it sends only newer ones; `None` asks for everything.
 */
export function renderOptions(options: { sn: string; attlogStamp: string | null; operlogStamp: string | null }): string {
  return [
    `GET OPTION FROM: ${options.sn}`,
    `ATTLOGStamp=${options.attlogStamp ?? 'None'}`,
    `OPERLOGStamp=${options.operlogStamp ?? 'None'}`,
    'ATTPHOTOStamp=None',
    `ErrorDelay=${ERROR_DELAY_SECONDS}`,
    `Delay=${POLL_DELAY_SECONDS}`,
    'TransTimes=00:00;14:05',
    'TransInterval=1',
    // Attendance and operation logs only; enrolment flows the other way, as commands.
    'TransFlag=TransData AttLog OpLog',
    'TimeZone=8',
    'Realtime=1',
    'Encrypt=None',
    '',
  ].join('\n');
}

/** A value inside a tab-separated `KEY=value` command: no tabs, line breaks or other control characters. */
function clean(value: string | null | undefined): string {
  return (value ?? '').replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
}

export function renderUserInfo(payload: CommandPayload): string {
  return `DATA UPDATE USERINFO PIN=${clean(payload.pin)}\tName=${clean(payload.name)}\tPri=0\tCard=${clean(payload.card_no)}`;
}

/** A face photo (JPEG bytes) for `pin`; Size is the length of the base64 content. */
export function renderBiophoto(pin: string, jpeg: Buffer): string {
  const content = jpeg.toString('base64');
  return `DATA UPDATE BIOPHOTO PIN=${clean(pin)}\tType=9\tSize=${content.length}\tContent=${content}\tFormat=0`;
}

export function renderDeleteUser(pin: string): string {
  return `DATA DELETE USERINFO PIN=${clean(pin)}`;
}

/** The `getrequest` answer: queued commands one per line, or `OK` when there are none. */
export function renderCommandLines(commands: readonly { id: number; command: string }[]): string {
  if (commands.length === 0) return 'OK';
  return commands.map(({ id, command }) => `C:${id}:${command}`).join('\n') + '\n';
}
