// "Kinesis: Delete Stream…": a modal that states what is lost (retention, shards, registered
// consumers, which EnforceConsumerDeletion deregisters), then typing the stream name, then wait
// until it is gone, refresh the tree and tell listeners (open tail panels) that it was deleted.
import type { ExplorerModel } from '../../explorer/explorerModel';
import type { Services } from '../../services';
import { Cancelled, InputProblem } from '../../ui/prompts';
import { forgetStreamTarget, pickStreamTarget } from '../pickTarget';
import { refreshRegion, showAdminResult, withAdminProgress, type AdminCommandResult } from './progress';

const DELETE = 'Delete…';

export async function deleteStream(services: Services, model: ExplorerModel, from: unknown): Promise<AdminCommandResult<void>> {
  const api = await services.kinesis();
  const target = await pickStreamTarget(services, model, { title: 'Delete Stream', from });
  const name = target.streamName;
  const client = await services.clients.client(target);
  const impact = await api.describeStreamDeletion(client, name);
  if (!impact) {
    await refreshRegion(model, target);
    throw new InputProblem(`Stream ${name} does not exist any more in ${target.region}; the explorer was refreshed.`);
  }
  if (impact.status === 'DELETING') throw new InputProblem(`Stream ${name} is already being deleted.`);

  const go = await services.prompts.current.confirm(`Delete stream ${name}?`, `${impact.message}\n\nNext, type the stream name to confirm.`, DELETE);
  if (go !== DELETE) throw new Cancelled();
  const typed = await services.prompts.current.input({
    title: `Delete stream ${name}: type its name to confirm`,
    prompt: `${impact.message} Type "${name}" to delete it.`,
    placeHolder: name,
    validate: (v) => api.validateDeleteConfirmation(v, name),
  });
  if (typed === undefined) throw new Cancelled();
  const mismatch = api.validateDeleteConfirmation(typed, name);
  if (mismatch) throw new InputProblem(`${name} was not deleted: ${mismatch}`);

  const result = await withAdminProgress(`Deleting stream ${name}`, (opts) => api.deleteStreamAndWait(client, { name, enforceConsumerDeletion: impact.needsEnforceConsumerDeletion }, opts));
  if (result.applied.includes('DeleteStream')) {
    // Accepted is enough: the stream is going away even if we stopped waiting for it.
    services.fireStreamDeleted({ connectionId: target.connectionId, region: target.region, streamName: name });
    await forgetStreamTarget(services, target);
    await refreshRegion(model, target);
  }
  showAdminResult(services, result);
  return { ...result, target };
}
