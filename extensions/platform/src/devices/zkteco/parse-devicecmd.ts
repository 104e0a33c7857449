/**
 * ZKTeco PUSH `POST /iclock/devicecmd` bodies: one result per line, `ID=<id>&Return=<code>&CMD=<name>`
 * (Return 0 is success, a negative number an error code). Pure: no I/O.
 */
import { numberedLines, type LineProblem } from '../lines';

export interface CommandResult {
  id: number;
  returnCode: string;
  cmd: string;
}

export function parseDeviceCmd(body: string): { results: CommandResult[]; problems: LineProblem[] } {
  const results: CommandResult[] = [];
  const problems: LineProblem[] = [];
  for (const { line, text } of numberedLines(body)) {
    const params = new URLSearchParams(text.trim());
    const id = params.get('ID') ?? '';
    const returnCode = (params.get('Return') ?? '').trim();
    if (!/^\d{1,12}$/.test(id)) problems.push({ line, text, reason: '缺少指令编号 ID' });
    else if (!/^-?\d{1,9}$/.test(returnCode)) problems.push({ line, text, reason: '缺少返回码 Return' });
    else results.push({ id: Number(id), returnCode: String(Number(returnCode)), cmd: (params.get('CMD') ?? '').slice(0, 64) });
  }
  return { results, problems };
}
