// "Tail Stream (Enhanced Fan-out)…": the same start-position prompt as Tail Stream…, then a
// consumer: an ACTIVE registered one, or a temporary one (kinesis-explorer-<user>-<id>) registered
// for this panel and deregistered when it closes. Every start first sweeps this user's temporary
// consumers older than an hour, which a window that died left behind.
import { userInfo } from 'node:os';
import type * as vscode from 'vscode';
import type { ExplorerModel } from '../explorer/explorerModel';
import { describePosition } from '../kinesis/tail/position';
import type { Services } from '../services';
import type { EfoTarget, TailPanel } from '../tail/host/panel';
import type { TailPanels } from '../tail/host/panels';
import { promptStartPosition } from '../tail/host/positionPrompt';
import { withCancellableProgress } from '../ui/progress';
import { Cancelled, type PickItem } from '../ui/prompts';
import { CommandIds } from './ids';
import { pickStreamTarget } from './pickTarget';
import { registerCommand } from './registerCommand';

const TITLE = 'Tail Stream (Enhanced Fan-out)';

function currentUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'user';
  }
}

export function registerEfoTailCommand(services: Services, model: ExplorerModel, tails: TailPanels): vscode.Disposable[] {
  return [registerCommand(services.log, CommandIds.tailStreamEfo, (from?: unknown) => tailWithEfo(services, model, tails, from))];
}

async function tailWithEfo(services: Services, model: ExplorerModel, tails: TailPanels, from: unknown): Promise<TailPanel> {
  const api = await services.kinesis();
  const target = await pickStreamTarget(services, model, { title: TITLE, from, pickShard: false });
  const position = await promptStartPosition(services.prompts.current, { title: TITLE, singleShard: false });
  const client = await services.clients.client(target);
  const summary = await api.describeStreamSummary(client, target.streamName);
  if (!summary.arn) throw new Error(`DescribeStreamSummary returned no ARN for ${target.streamName}.`);
  const streamARN = summary.arn;
  const user = currentUser();
  const swept = await api.sweepTemporaryConsumers(client, streamARN, user).catch((err: unknown) => {
    services.log.warn(`sweeping temporary consumers of ${target.streamName} failed: ${String(err)}`);
    return undefined;
  });
  for (const c of swept?.deregistered ?? []) services.log.info(`deregistered ${c.name} of ${target.streamName}: a temporary consumer over an hour old`);
  const active = (await api.listConsumers(client, streamARN)).filter((c) => c.status === 'ACTIVE' && !api.isTemporaryConsumerOf(c.name, user));
  const temporaryName = api.temporaryConsumerName(user);
  // A consumer name is never empty, so '' stands for the temporary consumer.
  const items: PickItem<string>[] = [
    { label: 'Temporary consumer', description: temporaryName, detail: 'Registered now and deregistered when the panel closes.', value: '' },
    ...active.map((c) => ({ label: c.name, description: 'registered consumer', detail: 'Its application may also be subscribed: one subscription per shard per consumer at a time.', value: c.name })),
  ];
  const chosen = await services.prompts.current.pick(items, { title: `${TITLE}: which consumer?`, placeHolder: 'Each consumer reads 2 MiB/s per shard of its own' });
  if (chosen === undefined) throw new Cancelled();
  let efo: EfoTarget;
  const existing = active.find((c) => c.name === chosen);
  if (existing) {
    efo = { consumerName: existing.name, consumerARN: existing.arn, streamARN, temporary: false };
  } else {
    const registered = await api.registerConsumer(client, streamARN, temporaryName);
    efo = { consumerName: registered.name, consumerARN: registered.arn, streamARN, temporary: true };
    const ready = await withCancellableProgress(`Registering temporary consumer ${temporaryName}`, (signal) => api.waitForConsumerActive(client, streamARN, temporaryName, { signal })).then(
      (c) => c,
      (err: unknown) => {
        void api.deregisterConsumer(client, streamARN, temporaryName).catch(() => undefined);
        throw err;
      },
    );
    if (!ready) {
      await api.deregisterConsumer(client, streamARN, temporaryName).catch(() => undefined);
      throw new Cancelled();
    }
  }
  return tails.openTail({
    connectionId: target.connectionId,
    connectionName: target.connectionName,
    region: target.region,
    streamName: target.streamName,
    shardIds: [],
    position,
    positionLabel: describePosition(position),
    efo,
  });
}
