// Where a command acts: a (connection, region, stream[, shard]) taken from the explorer node it was
// run on, or asked with quick picks (connection → region → stream → shard), each step skipped when
// there is one choice and ordered so that Enter picks the last stream used in this workspace.
import type { ExplorerModel } from '../explorer/explorerModel';
import { toStreamRef } from '../explorer/nodes';
import type { Connection } from '../kinesis/connections/connections';
import { isStreamLocator, sameStream, type RegionRef, type StreamRef } from '../kinesis/types';
import type { Services } from '../services';
import { Cancelled, InputProblem, type PickItem } from '../ui/prompts';
import { describedOf } from './registerCommand';
import { formatError } from '../kinesis/errors';
import type { StreamModel } from '../kinesis/streams/streams';
import { plural } from '../kinesis/plural';

export interface PickTargetOptions {
  /** Names the command in the picks' titles, e.g. "Put Record". */
  title: string;
  /** The command's argument: an explorer node or a target object; undefined from the palette. */
  from?: unknown;
  /** Also pick a shard, with "All shards" first. */
  pickShard?: boolean;
}

const LAST_STREAM_KEY = 'kinesis.lastStreamTarget';
/** ListStreams pages read for the stream pick (kinesis-local pages by 100). */
const MAX_STREAM_PAGES = 20;

/** The last stream a command used in this workspace. */
export function lastStreamTarget(services: Services): StreamRef | undefined {
  const saved = services.context.workspaceState.get<unknown>(LAST_STREAM_KEY);
  return isStreamLocator(saved) ? { ...saved, connectionName: saved.connectionName ?? saved.connectionId } : undefined;
}

export async function rememberStreamTarget(services: Services, target: StreamRef): Promise<void> {
  const { connectionId, connectionName, region, streamName } = target;
  await services.context.workspaceState.update(LAST_STREAM_KEY, { connectionId, connectionName, region, streamName });
}

/** Drops the remembered stream if it is this one (e.g. after deleting it). */
export async function forgetStreamTarget(services: Services, target: StreamRef): Promise<void> {
  const last = lastStreamTarget(services);
  if (last && sameStream(last, target)) {
    await services.context.workspaceState.update(LAST_STREAM_KEY, undefined);
  }
}

/** Connection and region: from the node, else asked (each pick skipped when there is one choice). */
export async function pickRegionTarget(services: Services, model: ExplorerModel, opts: PickTargetOptions): Promise<RegionRef> {
  const known = toStreamRef(opts.from);
  const last = lastStreamTarget(services);
  const connection = await pickConnection(services, model, opts.title, known.connectionId, last?.connectionId);
  const region = known.region ?? (await pickRegion(services, model, opts.title, connection, last));
  return { connectionId: connection.id, connectionName: connection.name, region };
}

/** A stream (and optionally a shard), remembered as the workspace's last used stream. */
export async function pickStreamTarget(services: Services, model: ExplorerModel, opts: PickTargetOptions): Promise<StreamRef> {
  const known = toStreamRef(opts.from);
  let target: StreamRef;
  if (known.connectionId && known.region && known.streamName) {
    target = { connectionId: known.connectionId, connectionName: known.connectionName ?? known.connectionId, region: known.region, streamName: known.streamName };
  } else {
    const where = await pickRegionTarget(services, model, opts);
    target = { ...where, streamName: await pickStream(services, opts.title, where) };
  }
  await rememberStreamTarget(services, target);
  if (!opts.pickShard) return target;
  if (known.shardId) return { ...target, shardId: known.shardId };
  const shardId = await pickShard(services, opts.title, target);
  return shardId ? { ...target, shardId } : target;
}

async function pickConnection(services: Services, model: ExplorerModel, title: string, knownId: string | undefined, lastId: string | undefined): Promise<Connection> {
  const all = await services.clients.connections();
  if (knownId) {
    const found = all.find((c) => c.id === knownId);
    if (!found) throw new InputProblem(`The connection ${knownId} is no longer configured. Refresh the explorer.`);
    if (found.problem) throw new InputProblem(`${found.name} cannot be used: ${found.problem.message}`);
    return found;
  }
  const usable = all.filter((c) => !c.problem);
  if (usable.length === 0) throw new InputProblem('No usable connection: add an AWS profile (aws configure) or a kinesis.connections entry first.');
  if (usable.length === 1) return usable[0] as Connection;
  const ordered = lastFirst(usable, (c) => c.id === lastId);
  const picked = await services.prompts.current.pick(
    ordered.map((c): PickItem<Connection> => ({ label: c.name, description: [model.regionsOf(c).join(', '), c.id === lastId ? 'last used' : ''].filter(Boolean).join(' · '), value: c })),
    { title: `${title}: choose a connection`, placeHolder: 'AWS profile or custom endpoint' },
  );
  if (!picked) throw new Cancelled();
  return picked;
}

async function pickRegion(services: Services, model: ExplorerModel, title: string, connection: Connection, last: StreamRef | undefined): Promise<string> {
  const regions = model.regionsOf(connection);
  if (regions.length === 1) return regions[0] as string;
  const lastRegion = last?.connectionId === connection.id ? last.region : undefined;
  const picked = await services.prompts.current.pick(
    lastFirst(regions, (r) => r === lastRegion).map((r): PickItem<string> => ({ label: r, description: r === lastRegion ? 'last used' : r === connection.region ? 'default' : undefined, value: r })),
    { title: `${title}: choose a region of ${connection.name}` },
  );
  if (!picked) throw new Cancelled();
  return picked;
}

/** Every stream name of the region (up to MAX_STREAM_PAGES pages). Throws the described ListStreams error. */
export async function listStreamNames(services: Services, where: RegionRef): Promise<string[]> {
  return (await listStreams(services, where)).map((s) => s.name);
}

/** The region's streams with what is known of them (status, mode, open shards where described). */
async function listStreams(services: Services, where: RegionRef): Promise<StreamModel[]> {
  const api = await services.kinesis();
  const client = await services.clients.client(where);
  const out: StreamModel[] = [];
  let token: Awaited<ReturnType<typeof api.loadStreamsPage>>['next'];
  for (let page = 0; page < MAX_STREAM_PAGES; page++) {
    const res = await api.callKinesis('kinesis:ListStreams', () => api.loadStreamsPage(client, { token }));
    out.push(...res.streams.map((s) => s.model));
    token = res.next;
    if (!token) break;
  }
  return out;
}

/** "ACTIVE · provisioned · 4 shards": what a stream pick shows next to the name. */
function streamDetails(s: StreamModel): string {
  return [s.status, s.mode === 'ON_DEMAND' ? 'on-demand' : s.mode === 'PROVISIONED' ? 'provisioned' : undefined, s.openShards === undefined ? undefined : plural(s.openShards, 'shard')]
    .filter((x): x is string => x !== undefined).join(' · ');
}

/** A typed stream name the list did not show: DescribeStreamSummary says whether it exists. */
async function checkTypedStream(services: Services, where: RegionRef, name: string): Promise<string> {
  const api = await services.kinesis();
  const client = await services.clients.client(where);
  try {
    await api.callKinesis('kinesis:DescribeStreamSummary', () => api.describeSummary(client, name));
    return name;
  } catch (err) {
    throw new InputProblem(`Cannot use the stream "${name}" in ${where.region} (${where.connectionName}): ${formatError(describedOf(err, 'kinesis:DescribeStreamSummary'))}`);
  }
}

async function pickStream(services: Services, title: string, where: RegionRef): Promise<string> {
  let streams: StreamModel[];
  try {
    streams = await listStreams(services, where);
  } catch (err) {
    throw new InputProblem(`Cannot list the streams of ${where.connectionName} in ${where.region}: ${formatError(describedOf(err, 'kinesis:ListStreams'))}`);
  }
  const names = streams.map((s) => s.name);
  const byName = new Map(streams.map((s) => [s.name, s]));
  if (names.length === 0) throw new InputProblem(`No streams in ${where.region} for ${where.connectionName}. Create one with "Kinesis: Create Stream…" first.`);
  const last = lastStreamTarget(services);
  const lastName = last && last.connectionId === where.connectionId && last.region === where.region ? last.streamName : undefined;
  const picked = await services.prompts.current.pick(
    lastFirst(names, (n) => n === lastName).map((n): PickItem<string> => {
      const details = streamDetails(byName.get(n) as StreamModel);
      return { label: n, description: [details, n === lastName ? 'last used' : ''].filter(Boolean).join(' · ') || undefined, value: n };
    }),
    {
      title: `${title}: choose a stream (${where.connectionName} · ${where.region})`, placeHolder: 'Type to filter streams, or a stream name the list does not show', noun: 'streams',
      typed: { describe: 'Checked with DescribeStreamSummary before use', value: (text) => `${TYPED}${text}` },
    },
  );
  if (!picked) throw new Cancelled();
  return picked.startsWith(TYPED) ? checkTypedStream(services, where, picked.slice(TYPED.length)) : picked;
}

const ALL_SHARDS = '\u0000all';
/** Marks a stream name typed by the user (not from the list), to be checked before use. */
const TYPED = '\u0000typed:';

async function pickShard(services: Services, title: string, target: StreamRef): Promise<string | undefined> {
  const api = await services.kinesis();
  const client = await services.clients.client(target);
  let shards: Awaited<ReturnType<typeof api.listShards>>;
  try {
    shards = await api.callKinesis('kinesis:ListShards', () => api.listShards(client, target.streamName));
  } catch (err) {
    throw new InputProblem(`Cannot list the shards of ${target.streamName}: ${formatError(describedOf(err, 'kinesis:ListShards'))}`);
  }
  const items: Array<PickItem<string>> = [
    { label: 'All shards', description: `${shards.filter((s) => !s.closed).length} open, ${shards.filter((s) => s.closed).length} closed`, value: ALL_SHARDS },
    ...shards.map((s): PickItem<string> => ({ label: s.id, description: s.closed ? 'closed' : 'open', value: s.id })),
  ];
  const picked = await services.prompts.current.pick(items, { title: `${title}: choose a shard of ${target.streamName}` });
  if (picked === undefined) throw new Cancelled();
  return picked === ALL_SHARDS ? undefined : picked;
}

function lastFirst<T>(items: readonly T[], isLast: (item: T) => boolean): T[] {
  const found = items.filter(isLast);
  return [...found, ...items.filter((i) => !isLast(i))];
}
