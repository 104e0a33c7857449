import { FLOWS } from '../../../../schema/flows';
import { adminService, type ProvisionContext } from './context';

/** Manual approval flows and their operations, with stable ids (the Core tier allows 5 active flows). */
export async function provisionFlows(ctx: ProvisionContext): Promise<void> {
  for (const flow of FLOWS) {
    const flows = await adminService(ctx, 'FlowsService');
    const payload = {
      name: flow.name,
      icon: flow.icon,
      color: flow.color,
      description: flow.description,
      status: 'active',
      trigger: 'manual',
      accountability: 'all',
      options: {
        collections: [flow.collection],
        // Not in the item sidebar (where it would be offered in every state): the 审核 panel on the
        // item page (interface platform-review) triggers it only when the record awaits this decision.
        location: 'hidden',
        requireConfirmation: true,
        async: false,
        // The operation's Chinese error (e.g. already decided) reaches the reviewer in the studio.
        error_on_reject: true,
        confirmationDescription: flow.confirmation.description,
        fields: flow.confirmation.fields,
      },
    };
    if (await ctx.database('directus_flows').where({ id: flow.id }).first()) await flows.updateOne(flow.id, payload);
    else await flows.createOne({ id: flow.id, ...payload });

    const operations = await adminService(ctx, 'OperationsService');
    const operation = {
      flow: flow.id,
      name: flow.name,
      key: flow.operation.key,
      type: flow.operation.type,
      position_x: 19,
      position_y: 1,
      options: flow.operation.options,
      resolve: null,
      reject: null,
    };
    if (await ctx.database('directus_operations').where({ id: flow.operation.id }).first()) {
      await operations.updateOne(flow.operation.id, operation);
    } else {
      await operations.createOne({ id: flow.operation.id, ...operation });
    }
    await flows.updateOne(flow.id, { operation: flow.operation.id });
  }
}
