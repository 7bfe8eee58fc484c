// "Kinesis: Create Stream…": name (checked as typed, existing names refused), capacity mode, shard
// count within the account's free shards, retention; then wait until ACTIVE, reveal the stream in
// the tree and offer "Put Record…" and "Tail Stream…".
import * as vscode from 'vscode';
import type { ExplorerModel } from '../../explorer/explorerModel';
import type { CreateStreamRequest } from '../../kinesis/admin/createDelete';
import type { AccountShardLimits } from '../../kinesis/admin/read';
import type { CapacityMode } from '../../kinesis/streams/streams';
import type { KinesisApi } from '../../kinesisLoader';
import type { Services } from '../../services';
import { askParsed, Cancelled } from '../../ui/prompts';
import { listStreamNames, pickRegionTarget } from '../pickTarget';
import { CommandIds } from '../ids';
import { refreshRegion, revealNode, showAdminResult, withAdminProgress, type AdminCommandResult } from './progress';
import type { RegionRef, StreamRef } from '../../kinesis/types';
import { plural } from '../../kinesis/plural';


export async function createStream(services: Services, model: ExplorerModel, view: vscode.TreeView<unknown> | undefined, from: unknown): Promise<AdminCommandResult<unknown>> {
  const api = await services.kinesis();
  const where = await pickRegionTarget(services, model, { title: 'Create Stream', from });
  const client = await services.clients.client(where);
  const req = await askCreateRequest(services, api, where, await existingNames(services, where), () => api.getAccountShardLimits(client));

  const result = await withAdminProgress(`Creating stream ${req.name}`, (opts) => api.createStreamAndWait(client, req, opts));
  const target: StreamRef = { ...where, streamName: req.name };
  // Also when waiting was cancelled: the tree then shows the stream as CREATING and follows it.
  if (result.applied.length > 0) {
    await refreshRegion(model, where);
    const node = await model.streamNode(where.connectionId, where.region, req.name);
    showAdminResult(services, result, [
      { title: 'Put Record…', run: () => vscode.commands.executeCommand(CommandIds.putRecord, target) },
      { title: 'Tail Stream…', run: () => vscode.commands.executeCommand(CommandIds.tailStream, node ?? target) },
    ]);
    if (node) await revealNode(services, view, node);
  } else {
    showAdminResult(services, result);
  }
  return { ...result, target };
}

/** Names already in the region, for the name box. Listing failures only lose this early check. */
async function existingNames(services: Services, where: RegionRef): Promise<Set<string>> {
  try {
    return new Set(await listStreamNames(services, where));
  } catch (err) {
    services.log.warn(`create stream: cannot list existing streams of ${where.connectionName} in ${where.region}: ${String(err)}`);
    return new Set();
  }
}

async function askCreateRequest(services: Services, api: KinesisApi, where: RegionRef, existing: Set<string>, limits: () => Promise<AccountShardLimits | undefined>): Promise<CreateStreamRequest> {
  const prompts = services.prompts.current;
  const place = `${where.connectionName} · ${where.region}`;
  const name = await prompts.input({
    title: `Create Stream in ${place}: name`,
    prompt: 'Up to 128 letters, digits, "_", "." and "-"',
    placeHolder: 'orders-events',
    validate: (v) => api.validateStreamName(v) ?? (existing.has(v) ? `A stream named ${v} already exists in ${where.region}. Choose another name.` : undefined),
  });
  if (name === undefined) throw new Cancelled();

  const mode = await prompts.pick<CapacityMode>([
    { label: 'On-demand', description: 'Kinesis adds and removes shards with the traffic; billed per GB', value: 'ON_DEMAND' },
    { label: 'Provisioned', description: 'You choose the shard count; billed per shard-hour', value: 'PROVISIONED' },
  ], { title: `Create Stream ${name}: capacity mode` });
  if (!mode) throw new Cancelled();

  const req: CreateStreamRequest = { name, mode };
  if (mode === 'PROVISIONED') req.shardCount = await askShardCount(services, api, name, await limits());
  const hours = await askParsed(prompts, {
    title: `Create Stream ${name}: retention in hours`,
    prompt: 'How long records stay readable: 24 to 8,760 hours (365 days). Press Enter for the default of 24.',
    value: '24',
    validate: (v) => api.validateRetentionHours(v),
  }, (text) => api.parseRetentionHours(text));
  if (hours !== 24) req.retentionHours = hours;
  return req;
}

async function askShardCount(services: Services, api: KinesisApi, name: string, limits: AccountShardLimits | undefined): Promise<number> {
  const free = limits
    ? ` The account can open ${plural(limits.available, 'more shard')} in this region (limit ${limits.shardLimit}).`
    : ` The account's shard limit could not be read (DescribeLimits failed); at most ${api.MAX_SHARDS_PER_STREAM}.`;
  return askParsed(services.prompts.current, {
    title: `Create Stream ${name}: shard count`,
    prompt: `Each shard takes 1 MiB/s or 1,000 records/s in and 2 MiB/s out.${free}`,
    value: '1',
    validate: (v) => api.validateShardCount(v, limits ?? {}),
  }, (text) => api.parseShardCount(text, limits ?? {}));
}
