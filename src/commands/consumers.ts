// Consumer commands on the explorer's "Consumers" folder and its consumers: Register Consumer…
// (a checked name, then wait until ACTIVE), Deregister Consumer… (a warning that an application
// may read with it, then the name typed to confirm). Copy ARN is the explorer's copyArn.
import type { ExplorerModel } from '../explorer/explorerModel';
import type { ConsumerNode } from '../explorer/nodes';
import type { StreamRef } from '../kinesis/types';
import type { Services } from '../services';
import { notify } from '../ui/notify';
import { withCancellableProgress } from '../ui/progress';
import { askParsed, Cancelled, InputProblem } from '../ui/prompts';
import { CommandIds } from './ids';
import { pickStreamTarget } from './pickTarget';
import { command, type CommandSpec } from './registerCommand';

const DEREGISTER = 'Deregister…';

export function consumerCommands(services: Services, model: ExplorerModel): CommandSpec[] {
  return [
    command(CommandIds.registerConsumer, (from?: unknown) => registerConsumer(services, model, from)),
    command(CommandIds.deregisterConsumer, (node?: ConsumerNode) => deregisterConsumer(services, model, node)),
  ];
}

async function streamArnOf(services: Services, target: StreamRef): Promise<string> {
  const api = await services.kinesis();
  const summary = await api.describeStreamSummary(await services.clients.client(target), target.streamName);
  if (!summary.arn) throw new Error(`DescribeStreamSummary returned no ARN for ${target.streamName}.`);
  return summary.arn;
}

/** Refreshes the stream (its consumer count) and its Consumers folder when the tree shows it. */
async function refreshConsumers(model: ExplorerModel, target: StreamRef): Promise<void> {
  const stream = await model.streamNode(target.connectionId, target.region, target.streamName);
  if (stream) model.refresh(stream);
}

export async function registerConsumer(services: Services, model: ExplorerModel, from: unknown): Promise<{ name: string; arn: string; status: string }> {
  const api = await services.kinesis();
  const target = await pickStreamTarget(services, model, { title: 'Register Consumer', from });
  const name = await askParsed(
    services.prompts.current,
    { title: `Register a consumer on ${target.streamName}`, prompt: 'Consumer name: letters, digits, "_", "." and "-" (at most 128). Each consumer gets its own 2 MiB/s per shard, and is billed per hour.', placeHolder: 'my-application' },
    (text) => api.parseConsumerName(text),
  );
  const client = await services.clients.client(target);
  const arn = await streamArnOf(services, target);
  const registered = await api.registerConsumer(client, arn, name);
  const active = await withCancellableProgress(`Registering consumer ${name} on ${target.streamName}`, (signal) => api.waitForConsumerActive(client, arn, name, { signal }));
  await refreshConsumers(model, target);
  const status = active?.status ?? registered.status;
  notify(services.log, 'info', active ? `Consumer ${name} is ACTIVE on ${target.streamName}.` : `Consumer ${name} was registered on ${target.streamName}; it is still ${status}.`);
  return { name, arn: registered.arn, status };
}

export async function deregisterConsumer(services: Services, model: ExplorerModel, node: ConsumerNode | undefined): Promise<{ name: string }> {
  if (node?.kind !== 'consumer') throw new InputProblem('Deregister Consumer… works on a consumer in the explorer: expand a stream, then Consumers.');
  const api = await services.kinesis();
  const name = node.model.name;
  const stream = node.parent.parent;
  const warning = `An application may be reading ${stream.name} with consumer ${name}: deregistering it ends that application's subscriptions at once, and it cannot read through this consumer again until it is registered anew.`;
  const go = await services.prompts.current.confirm(`Deregister consumer ${name}?`, `${warning}\n\nNext, type the consumer name to confirm.`, DEREGISTER);
  if (go !== DEREGISTER) throw new Cancelled();
  const check = (typed: string): string | undefined => (typed === name ? undefined : `Type "${name}" exactly to deregister it.`);
  const typed = await services.prompts.current.input({ title: `Deregister consumer ${name}: type its name to confirm`, prompt: `${warning} Type "${name}" to deregister it.`, placeHolder: name, validate: check });
  if (typed === undefined) throw new Cancelled();
  const mismatch = check(typed);
  if (mismatch) throw new InputProblem(`${name} was not deregistered: ${mismatch}`);
  const { connection, region } = stream.parent;
  const arn = stream.model.arn ?? (await streamArnOf(services, { connectionId: connection.id, connectionName: connection.name, region, streamName: stream.name }));
  await api.deregisterConsumer(await services.clients.client({ connection, region }), arn, name);
  model.refresh(stream);
  notify(services.log, 'info', `Consumer ${name} is being deregistered from ${stream.name}.`);
  return { name };
}
