/**
 * Reads one stage of the Dockerfile (WORKDIR, ENV, CMD), so the engine-less cluster gives its
 * processes the image's working directory and environment, not a copy of them.
 */
import { readFileSync } from 'node:fs';

export interface ImageStage {
  workdir: string;
  env: Record<string, string>;
  cmd: string[];
  user?: string;
}

/** The Dockerfile's instructions, continuation lines joined, comments dropped. */
function instructions(text: string): { op: string; args: string }[] {
  const joined = text
    .split(/\r?\n/)
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ');
  return joined
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const space = line.search(/\s/);
      return space < 0 ? { op: line.toUpperCase(), args: '' } : { op: line.slice(0, space).toUpperCase(), args: line.slice(space + 1).trim() };
    });
}

/** `KEY=value KEY2="value 2"` pairs of an ENV instruction (the legacy `ENV KEY value` form too). */
function envPairs(args: string): [string, string][] {
  if (!/^[A-Za-z_][A-Za-z0-9_]*=/.test(args)) {
    const space = args.search(/\s/);
    return [[args.slice(0, space), args.slice(space + 1).trim()]];
  }
  const pairs: [string, string][] = [];
  for (const match of args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("(?:[^"\\]|\\.)*"|\S*)/g)) {
    const raw = match[2] ?? '';
    pairs.push([match[1]!, raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw]);
  }
  return pairs;
}

/**
 * WORKDIR, ENV, USER and CMD of stage `name` (`FROM … AS name`), including what it inherits from
 * an earlier stage it is built `FROM`. `$VAR` in ENV values refers to earlier ENV values or, for
 * `$PATH`, to the base image's (kept as `$PATH` for the caller to fill in).
 * @example readImageStage(readFileSync('Dockerfile', 'utf8'), 'app').workdir // '/directus'
 */
export function readImageStage(text: string, name: string): ImageStage {
  const stages = new Map<string, ImageStage>();
  let current: ImageStage | undefined;
  let currentName = '';
  for (const { op, args } of instructions(text)) {
    if (op === 'FROM') {
      if (current) stages.set(currentName, current);
      const match = /^(\S+)(?:\s+AS\s+(\S+))?/i.exec(args);
      const base = stages.get(match?.[1] ?? '');
      currentName = match?.[2] ?? '';
      current = base ? { ...base, env: { ...base.env }, cmd: [...base.cmd] } : { workdir: '/', env: {}, cmd: [] };
    } else if (!current) {
      continue;
    } else if (op === 'WORKDIR') {
      current.workdir = args;
    } else if (op === 'USER') {
      current.user = args;
    } else if (op === 'ENV') {
      for (const [key, value] of envPairs(args)) {
        current.env[key] = value.replace(/\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g, (whole, ref: string) => current!.env[ref] ?? whole);
      }
    } else if (op === 'CMD') {
      current.cmd = args.startsWith('[') ? (JSON.parse(args) as string[]) : ['/bin/sh', '-c', args];
    }
  }
  if (current) stages.set(currentName, current);
  const stage = stages.get(name);
  if (!stage) throw new Error(`Dockerfile has no stage named ${name}`);
  return stage;
}

export function loadImageStage(path: string, name: string): ImageStage {
  return readImageStage(readFileSync(path, 'utf8'), name);
}
