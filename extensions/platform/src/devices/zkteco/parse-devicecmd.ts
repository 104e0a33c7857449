/**
 * ZKTeco PUSH `POST /iclock/devicecmd` bodies: one result per line, `ID=<id>&Return=<code>&CMD=<name>`
 * (Return 0 is success, a negative number an error code). The ID is the one the server gave in
 * `C:<id>:…`; the protocol allows up to 16 letters and digits, and the PUSH firmware copies it back
 * as text (`ID=%s`), so results of commands another server sent may carry ids that are not ours.
 * Some results add lines of their own (`INFO` sends the device's options as `key=value` lines);
 * those are not results. Pure: no I/O.
 */
import { numberedLines, type LineProblem } from '../lines';

export interface CommandResult {
  /** As the device sent it: 1–16 letters and digits. */
  id: string;
  returnCode: string;
  cmd: string;
}

const COMMAND_ID = /^[0-9A-Za-z]{1,16}$/;

export function parseDeviceCmd(body: string): { results: CommandResult[]; problems: LineProblem[] } {
  const results: CommandResult[] = [];
  const problems: LineProblem[] = [];
  for (const { line, text } of numberedLines(body)) {
    const params = new URLSearchParams(text.trim());
    const id = (params.get('ID') ?? '').trim();
    const returnCode = (params.get('Return') ?? '').trim();
    if (!COMMAND_ID.test(id)) problems.push({ line, text, reason: '缺少指令编号 ID（1–16 位字母或数字）' });
    else if (!/^-?\d{1,9}$/.test(returnCode)) problems.push({ line, text, reason: '缺少返回码 Return' });
    else results.push({ id, returnCode: String(Number(returnCode)), cmd: (params.get('CMD') ?? '').slice(0, 64) });
  }
  return { results, problems };
}

/** Our own command ids are the `device_commands` row ids; any other id is not a command we sent. */
export function platformCommandId(id: string): number | null {
  return /^[1-9]\d{0,14}$/.test(id) ? Number(id) : null;
}
