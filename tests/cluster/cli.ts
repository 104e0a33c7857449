import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { NODE, ROOT } from '../../scripts/lib/directus.ts';

/**
 * Runs `npm run cluster -- <args> --dir <dir>` (the script itself, on the repo's Node 22) and
 * resolves with its standard output; rejects with both outputs when it fails.
 * @example await clusterCli(dir, ['up']);
 */
export function clusterCli(dir: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, [join(ROOT, 'scripts/cluster.ts'), ...args, '--dir', dir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`cluster ${args.join(' ')} exited ${code}\n${stderr}\n${stdout}`))));
  });
}
