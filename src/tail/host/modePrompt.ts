// Asks how a tail reads: polling (GetRecords), or enhanced fan-out with one of the stream's ACTIVE
// consumers or a new temporary one. The last choice per stream is remembered (workspaceState) and
// offered first; the enhanced fan-out shortcut puts enhanced fan-out first instead.
import type * as vscode from 'vscode';
import type { ConsumerModel } from '../../kinesis/consumers/consumers';
import type { StreamRef } from '../../kinesis/types';
import type { Log } from '../../ui/log';
import { Cancelled, type PickItem, type Prompts } from '../../ui/prompts';
import type { EfoConsumers } from './efoConsumers';
import type { EfoTarget } from './panel';

const LAST_MODE_KEY = 'kinesis.tail.lastMode';

type Mode = { kind: 'polling' } | { kind: 'temporary' } | { kind: 'consumer'; consumer: ConsumerModel };

export const POLLING_LABEL = '$(sync) Polling (GetRecords)';
export const TEMPORARY_LABEL = '$(add) Enhanced fan-out: New temporary consumer (deregistered when the panel closes)';

export interface ReadModePromptOptions {
  title: string;
  /** The enhanced fan-out shortcut: enhanced fan-out comes first. */
  preferEfo?: boolean;
}

export interface ReadModeDeps {
  prompts: Prompts;
  consumers: EfoConsumers;
  /** Where the last mode per stream is kept (the workspace's state). */
  state: vscode.Memento;
  log: Log;
}

/** Resolves the EFO target to read with, or undefined for polling. */
export async function promptReadMode(deps: ReadModeDeps, stream: Omit<StreamRef, 'shardId'>, opts: ReadModePromptOptions): Promise<EfoTarget | undefined> {
  // Listing needs DescribeStreamSummary and ListStreamConsumers; without them polling and a
  // temporary consumer are still offered (registering one then says what is missing).
  const listed = await deps.consumers.choices(stream).catch((err: unknown) => {
    deps.log.warn(`listing the consumers of ${stream.streamName} failed: ${String(err)}`);
    return undefined;
  });
  const key = streamKey(stream);
  const last = deps.state.get<Record<string, string>>(LAST_MODE_KEY)?.[key];
  const items: PickItem<Mode>[] = [
    { label: POLLING_LABEL, description: 'shares the shard\'s 2 MiB/s read limit with every other poller', value: { kind: 'polling' } },
    ...(listed?.consumers ?? []).map((c) => ({
      label: `$(broadcast) Enhanced fan-out: ${c.name}`,
      description: 'registered consumer',
      detail: 'Its own 2 MiB/s per shard. Its application may also be subscribed: one subscription per shard per consumer at a time.',
      value: { kind: 'consumer' as const, consumer: c },
    })),
    { label: TEMPORARY_LABEL, detail: 'Its own 2 MiB/s per shard, named kinesis-explorer-<user>-<id>.', value: { kind: 'temporary' } },
  ];
  const lastIndex = items.findIndex((i) => remembered(i.value) === last);
  if (lastIndex >= 0) items[lastIndex] = { ...items[lastIndex], description: ['last used', items[lastIndex]?.description].filter(Boolean).join(' · ') } as PickItem<Mode>;
  const first = opts.preferEfo ? (lastIndex > 0 ? lastIndex : items.length - 1) : Math.max(lastIndex, 0);
  const ordered = [items[first] as PickItem<Mode>, ...items.filter((_, i) => i !== first)];

  const mode = await deps.prompts.pick(ordered, { title: `${opts.title}: read with`, placeHolder: 'Polling, or enhanced fan-out (SubscribeToShard) with a consumer', noun: 'modes' });
  if (mode === undefined) throw new Cancelled();
  await deps.state.update(LAST_MODE_KEY, { ...deps.state.get<Record<string, string>>(LAST_MODE_KEY), [key]: remembered(mode) });
  if (mode.kind === 'polling') return undefined;
  const streamARN = listed?.streamARN ?? (await deps.consumers.streamARN(stream));
  // Every enhanced fan-out start first removes the temporary consumers a window that died left behind.
  await deps.consumers.sweep(stream, streamARN);
  if (mode.kind === 'consumer') return { consumerName: mode.consumer.name, consumerARN: mode.consumer.arn, streamARN, temporary: false };
  return deps.consumers.registerTemporary(stream, streamARN);
}

function remembered(mode: Mode): string {
  return mode.kind === 'consumer' ? `consumer:${mode.consumer.name}` : mode.kind;
}

function streamKey(s: Omit<StreamRef, 'shardId'>): string {
  return `${s.connectionId}|${s.region}|${s.streamName}`;
}
