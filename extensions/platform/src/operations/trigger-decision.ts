import { invalid } from '../http/errors';

interface TriggerBody {
  keys?: unknown[];
  decision?: unknown;
  reason?: unknown;
}

/**
 * The item and the reviewer's answer from a manual flow's trigger (the studio posts the selected
 * keys and the confirmation fields); review flows decide one item at a time.
 */
export function readTriggerDecision(data: unknown, oneItemMessage: string): { key: number; input: { decision: unknown; reason: unknown } } {
  const body = ((data as { $trigger?: { body?: TriggerBody } } | null)?.$trigger?.body ?? {}) as TriggerBody;
  const keys = Array.isArray(body.keys) ? body.keys : [];
  if (keys.length !== 1) throw invalid('ONE_ITEM', oneItemMessage);
  return { key: Number(keys[0]), input: { decision: body.decision, reason: body.reason || undefined } };
}
