import type { ProvisionContext } from '../provision/context';

/** Stub: replaced by the real loader shortly. */
export async function seedDemoCity(ctx: ProvisionContext, _options: { small: boolean }): Promise<void> {
  ctx.log('seed: not implemented yet');
}
