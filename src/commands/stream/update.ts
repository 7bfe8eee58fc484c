// "Update Shard Count…", "Switch Capacity Mode…" and "Set Retention Period…": each reads the
// stream first (provisioned? ACTIVE? current value?), asks a validated value, then waits with
// progress until ACTIVE and refreshes the stream in the tree (shards too, after resharding).
import type { KinesisClient, StreamDescriptionSummary } from '@aws-sdk/client-kinesis';
import type { ExplorerModel } from '../../explorer/explorerModel';
import type { CapacityMode } from '../../kinesis/streams/streams';
import type { KinesisApi } from '../../kinesisLoader';
import type { Services } from '../../services';
import { askParsed, Cancelled, InputProblem, type PickItem } from '../../ui/prompts';
import { pickStreamTarget } from '../pickTarget';
import { refreshStream, showAdminResult, withAdminProgress, type AdminCommandResult } from './progress';
import type { StreamRef } from '../../kinesis/types';
import { plural } from '../../kinesis/plural';

interface Loaded {
  api: KinesisApi;
  target: StreamRef;
  client: KinesisClient;
  summary: StreamDescriptionSummary;
}

/** The stream and its summary; refuses a missing or unsettled stream before asking anything. */
async function loadStream(services: Services, model: ExplorerModel, title: string, from: unknown): Promise<Loaded> {
  const api = await services.kinesis();
  const target = await pickStreamTarget(services, model, { title, from });
  const client = await services.clients.client(target);
  const summary = await api.fetchStreamSummary(client, target.streamName);
  if (!summary) throw new InputProblem(`Stream ${target.streamName} does not exist in ${target.region} (it may have been deleted). Refresh the explorer.`);
  if (summary.StreamStatus !== 'ACTIVE') throw new InputProblem(`${target.streamName} is ${summary.StreamStatus ?? 'not ACTIVE'}: wait until it is ACTIVE, then try again.`);
  return { api, target, client, summary };
}

async function finish<T>(services: Services, model: ExplorerModel, target: StreamRef, result: AdminCommandResult<T>): Promise<AdminCommandResult<T>> {
  if (result.applied.length > 0) await refreshStream(model, target);
  showAdminResult(services, result);
  return result;
}

const OTHER = -1;

export async function updateShardCount(services: Services, model: ExplorerModel, from: unknown): Promise<AdminCommandResult<unknown>> {
  const { api, target, client, summary } = await loadStream(services, model, 'Update Shard Count', from);
  const name = target.streamName;
  if (summary.StreamModeDetails?.StreamMode === 'ON_DEMAND') throw new InputProblem(`${name} is on-demand: Kinesis manages its shards. Switch it to provisioned capacity first to set a shard count.`);
  const current = summary.OpenShardCount ?? 0;
  if (current < 1) throw new InputProblem(`${name} reports no open shards; refresh and try again.`);
  const limits = await api.getAccountShardLimits(client);
  const range = api.shardCountTargets(current, limits ?? {});
  const items: Array<PickItem<number>> = range.offered.map((v) => ({ label: plural(v, 'shard'), description: changeText(v, current), value: v }));
  // Large streams are offered 25% steps only; any other allowed count can be typed.
  if (range.offered.length < range.max - range.min) items.push({ label: 'Other…', description: `any count from ${range.min} to ${range.max}`, value: OTHER });
  if (items.length === 0) throw new InputProblem(`${name} cannot be resharded from ${current} shards within the account's free shards.`);
  const picked = await services.prompts.current.pick(items, { title: `Update Shard Count of ${name} (now ${current} open)`, placeHolder: `UpdateShardCount allows ${range.min} to ${range.max} (at least half, at most double)`,
    noMatch: (text) => {
      const r = api.parseTargetShardCount(text, range);
      return r.ok ? `${plural(r.value, 'shard')}: choose "Other…" to type it` : r.error;
    },
  });
  if (picked === undefined) throw new Cancelled();
  const count = picked === OTHER ? await askOtherCount(services, api, name, range) : picked;
  const result = await withAdminProgress(`Updating ${name} to ${count} shards`, (opts) => api.updateShardCountAndWait(client, { name, targetShardCount: count, ...(limits ? { limit: limits } : {}) }, opts));
  return finish(services, model, target, { ...result, target });
}

function changeText(v: number, current: number): string {
  if (v === current * 2) return 'double';
  if (v === Math.ceil(current / 2)) return 'half';
  const pct = Math.round(((v - current) / current) * 100);
  return `${pct > 0 ? '+' : ''}${pct}%`;
}

async function askOtherCount(services: Services, api: KinesisApi, name: string, range: ReturnType<KinesisApi['shardCountTargets']>): Promise<number> {
  return askParsed(services.prompts.current, {
    title: `Update Shard Count of ${name}: target`,
    prompt: `From ${range.min} to ${range.max} shards (now ${range.current}).`,
    validate: (v) => api.validateTargetShardCount(v, range),
  }, (text) => api.parseTargetShardCount(text, range));
}

export async function switchCapacityMode(services: Services, model: ExplorerModel, from: unknown): Promise<AdminCommandResult<unknown>> {
  const { api, target, client, summary } = await loadStream(services, model, 'Switch Capacity Mode', from);
  const name = target.streamName;
  const mode: CapacityMode = summary.StreamModeDetails?.StreamMode === 'ON_DEMAND' ? 'PROVISIONED' : 'ON_DEMAND';
  const detail = mode === 'ON_DEMAND'
    ? 'Kinesis then adds and removes shards with the traffic, billed per GB written and read.'
    : `The stream keeps its ${summary.OpenShardCount ?? '?'} open shards, which you then scale with "Update Shard Count…", billed per shard-hour.`;
  const label = mode === 'ON_DEMAND' ? 'on-demand' : 'provisioned';
  const go = await services.prompts.current.confirm(`Switch ${name} to ${label} capacity?`, `${detail} AWS allows two capacity mode switches per stream in 24 hours.`, 'Switch');
  if (go !== 'Switch') throw new Cancelled();
  const result = await withAdminProgress(`Switching ${name} to ${label} capacity`, (opts) => api.switchCapacityModeAndWait(client, { name, mode }, opts));
  return finish(services, model, target, { ...result, target });
}

export async function setRetention(services: Services, model: ExplorerModel, from: unknown): Promise<AdminCommandResult<unknown>> {
  const { api, target, client, summary } = await loadStream(services, model, 'Set Retention Period', from);
  const name = target.streamName;
  const current = summary.RetentionPeriodHours ?? 24;
  const hours = await askParsed(services.prompts.current, {
    title: `Set Retention Period of ${name} (now ${current} hours)`,
    prompt: 'How long records stay readable: 24 to 8,760 hours (365 days).',
    value: String(current),
    validate: (v) => api.validateRetentionHours(v) ?? (v.trim() === String(current) ? `${name} already keeps records for ${current} hours; enter another value.` : undefined),
  }, (text) => api.parseRetentionHours(text));
  if (hours < current) {
    const go = await services.prompts.current.confirm(`Lower the retention of ${name} to ${hours} hours?`, `Records older than ${hours} hours become unreadable at once. This cannot be undone.`, 'Lower Retention');
    if (go !== 'Lower Retention') throw new Cancelled();
  }
  const result = await withAdminProgress(`Setting the retention of ${name} to ${hours} hours`, (opts) => api.setRetentionAndWait(client, { name, hours }, opts));
  return finish(services, model, target, { ...result, target });
}
