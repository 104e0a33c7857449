import { z } from 'zod';
import { platformConfig } from '../../../config';
import { authenticateSiteAgent } from '../../../credentials/site-agent-auth';
import type { PullResponse } from '../../../devices/delivery/agent-protocol';
import { deliverySettingsOf } from '../../../devices/run-device-delivery';
import { pullForAgent } from '../../../devices/site-agent-commands';
import { readDeviceBody } from '../../../http/device-body';
import { parseInput } from '../../../http/validate';
import { callerIp, type DeviceAnswer, type DeviceContext } from '../../device-kit';

export const PullRequestModel = z.object({
  limit: z.number().int().min(0).max(500).default(100),
  held: z.array(z.number().int().positive()).max(10_000).default([]),
});

/** How long an idle agent waits between pulls. */
const POLL_SECONDS = 10;

/**
 * POST /agent/v1/pull — a site agent (Bearer token of a 现场代理 credential) takes its terminals and
 * due commands; see devices/delivery/agent-protocol.ts.
 */
export async function agentPull(ctx: DeviceContext): Promise<DeviceAnswer> {
  const agent = await authenticateSiteAgent(ctx.database, ctx.req.headers.authorization, callerIp(ctx.req));
  const body = await readDeviceBody(ctx.req, { maxBytes: 256 * 1024 });
  const request = parseInput(PullRequestModel, body.kind === 'json' ? body.value : {}, { limit: '数量', held: '未上报的指令' });
  const answer: PullResponse = await pullForAgent(ctx, agent, request, deliverySettingsOf(platformConfig(ctx.env)), POLL_SECONDS);
  return { json: answer };
}
