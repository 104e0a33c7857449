import { spawn } from 'node:child_process';

/** The pid of a process that has run and exited, as a replica killed with SIGKILL leaves behind. */
export async function exitedPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}
