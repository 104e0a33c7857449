/**
 * What a site agent gets when it pulls: its terminals (a project's active Hikvision/Uniubi devices
 * that name it as their 现场代理) with their API settings, and their due commands with the face
 * JPEGs inline, marked sent. One pull per agent at a time across replicas (a job lease per agent),
 * so two pulls never hand out the same command.
 */
import type { Knex } from 'knex';
import type { SiteAgent } from '../credentials/site-agent-auth';
import type { DirectusApi } from '../directus';
import { withJobLease } from '../jobs/lease';
import { conflict } from '../http/errors';
import { dueCommands, markError, markSent } from './commands/deliver';
import { readDeviceFace } from './commands/face-image';
import type { AgentCommand, PullRequest, PullResponse } from './delivery/agent-protocol';
import { NO_FACE_MESSAGE } from './delivery/deliver-commands';
import { loadDeliveryTargets } from './delivery-targets';
import type { TerminalDeliverySettings } from './run-device-delivery';

/** Face photos per answer, base64 (a pull stays a few MB). */
const MAX_FACE_CHARS = 4 * 1024 * 1024;

/** Commands the agent's devices were sent but the agent no longer holds: due again now. */
async function releaseLost(database: Knex, deviceIds: readonly number[], held: readonly number[]): Promise<number> {
  if (!deviceIds.length) return 0;
  const heldSet = new Set(held);
  const sent: number[] = (await database('device_commands').whereIn('device', deviceIds).where({ status: 'sent' }).pluck('id')).map(Number);
  const lost = sent.filter((id) => !heldSet.has(id));
  for (let i = 0; i < lost.length; i += 500) await database('device_commands').whereIn('id', lost.slice(i, i + 500)).update({ status: 'pending', sent_at: null });
  return lost.length;
}

export async function pullForAgent(api: DirectusApi, agent: SiteAgent, request: PullRequest, settings: TerminalDeliverySettings, pollSeconds: number): Promise<PullResponse> {
  const database = api.database;
  const targets = await loadDeliveryTargets(api, { agent: agent.id, project: agent.project });
  const outcome = await withJobLease(
    database,
    `site-agent-pull:${agent.id}`,
    async () => {
      await releaseLost(database, targets.map((t) => t.id), request.held);
      const commands: AgentCommand[] = [];
      let faceChars = 0;
      const share = Math.max(10, Math.ceil(request.limit / Math.max(1, targets.length)));
      for (const target of targets) {
        const room = Math.min(share, request.limit - commands.length);
        if (room <= 0 || faceChars >= MAX_FACE_CHARS) break;
        const now = new Date();
        const due = await dueCommands(database, target.id, { maxAttempts: settings.http.maxAttempts, ackTimeoutMs: settings.ackTimeoutMs }, now, room);
        const noFace: number[] = [];
        const handed: AgentCommand[] = [];
        for (const command of due) {
          if (faceChars >= MAX_FACE_CHARS) break;
          const item: AgentCommand = { id: command.id, device: target.id, attempt: command.attempts + 1, kind: command.kind, payload: command.payload };
          if (command.kind === 'face_update') {
            const jpeg = command.payload.face_file ? await readDeviceFace(api, command.payload.face_file) : null;
            if (!jpeg) {
              noFace.push(command.id);
              continue;
            }
            item.face_jpeg = jpeg.toString('base64');
            faceChars += item.face_jpeg.length;
          }
          handed.push(item);
        }
        await markError(database, noFace, 'NOFACE', NO_FACE_MESSAGE);
        await markSent(database, handed.map((c) => c.id), now);
        commands.push(...handed);
      }
      return commands;
    },
    { waitMs: 15_000 },
  );
  if (!outcome.ran) throw conflict('AGENT_PULL_BUSY', '该现场代理的另一次拉取正在进行，请稍后再试');
  return {
    agent: { id: agent.id, name: agent.name, project: agent.project },
    poll_seconds: pollSeconds,
    terminals: targets.map((t) => ({ id: t.id, sn: t.sn, name: t.name, vendor: t.vendor, api_url: t.apiUrl, api_user: t.apiUser, api_password: t.apiPassword })),
    commands: outcome.result,
  };
}

/** The devices whose results this agent may report (its project's devices naming it). */
export async function agentDeviceIds(database: Knex, agent: SiteAgent): Promise<number[]> {
  return (await database('devices').where({ agent: agent.id, project: agent.project }).pluck('id')).map(Number);
}
