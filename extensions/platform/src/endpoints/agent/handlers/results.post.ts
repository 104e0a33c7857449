import { z } from 'zod';
import { platformConfig } from '../../../config';
import { authenticateSiteAgent } from '../../../credentials/site-agent-auth';
import { recordDeliveryResults } from '../../../devices/commands/record-delivery';
import type { ResultsResponse } from '../../../devices/delivery/agent-protocol';
import { deliverySettingsOf } from '../../../devices/run-device-delivery';
import { agentDeviceIds } from '../../../devices/site-agent-commands';
import { readDeviceBody } from '../../../http/device-body';
import { invalid } from '../../../http/errors';
import { parseInput } from '../../../http/validate';
import { callerIp, type DeviceAnswer, type DeviceContext } from '../../device-kit';

const Result = z.object({
  id: z.number().int().positive(),
  attempt: z.number().int().min(1),
  outcome: z.enum(['done', 'retry', 'failed']),
  code: z.string().trim().min(1).max(16),
  message: z.string().max(500).nullable().default(null),
});

export const ResultsRequestModel = z.object({ results: z.array(Result).max(1000) });

/**
 * POST /agent/v1/results — a site agent reports what its terminals did with the commands it pulled.
 * Recorded once per command and attempt (a repeated report is acknowledged and changes nothing);
 * results for commands that are not this agent's are rejected.
 */
export async function agentResults(ctx: DeviceContext): Promise<DeviceAnswer> {
  const agent = await authenticateSiteAgent(ctx.database, ctx.req.headers.authorization, callerIp(ctx.req));
  const body = await readDeviceBody(ctx.req, { maxBytes: 2 * 1024 * 1024 });
  if (body.kind !== 'json') throw invalid('BODY_MALFORMED', '请求内容应为 JSON');
  const { results } = parseInput(ResultsRequestModel, body.value, { results: '结果' });
  const settings = deliverySettingsOf(platformConfig(ctx.env)).http;
  const recorded = await recordDeliveryResults(ctx.database, results, settings, new Date(), { deviceIds: await agentDeviceIds(ctx.database, agent) });
  if (recorded.foreign.length) ctx.logger.warn({ agent: agent.id, rejected: recorded.foreign }, 'site agent reported results for commands that are not its own');
  const answer: ResultsResponse = { accepted: [...recorded.recorded, ...recorded.stale], rejected: recorded.foreign };
  return { json: answer };
}
