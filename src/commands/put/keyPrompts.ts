// The partition key box (remembers the last value; `kinesis.put.partitionKey` is the default) and
// the optional explicit hash key box (asked only when `kinesis.put.askExplicitHashKey` is on; Enter skips it).
import * as vscode from 'vscode';
import type { PartitionKeyStrategy } from '../../kinesis/put/partitionKey';
import type { KinesisApi } from '../../kinesisLoader';
import type { Services } from '../../services';
import { askParsed, Cancelled } from '../../ui/prompts';

const LAST_KEY = 'kinesis.put.lastPartitionKey';

/** The box's initial value: the last key typed in this workspace, else the setting, else a random key per record. */
export function defaultPartitionKeyText(services: Services): string {
  const last = services.context.workspaceState.get<unknown>(LAST_KEY);
  if (typeof last === 'string' && last.length > 0) return last;
  const setting = vscode.workspace.getConfiguration('kinesis.put').get<string>('partitionKey');
  return setting && setting.length > 0 ? setting : '{uuid}';
}

export async function askPartitionKey(services: Services, api: KinesisApi, title: string): Promise<PartitionKeyStrategy> {
  let typed = '';
  const strategy = await askParsed(services.prompts.current, {
    title: `${title}: partition key`,
    prompt: 'A fixed key, {uuid} for a random key per record, or a JSON path into each record such as $.sensor_id',
    value: defaultPartitionKeyText(services),
    validate: (v) => api.validatePartitionKeyInput(v),
  }, (text) => {
    typed = text;
    const parsed = api.parsePartitionKeyInput(text);
    return parsed.ok ? { ok: true, value: parsed.strategy } : parsed;
  });
  await services.context.workspaceState.update(LAST_KEY, typed);
  return strategy;
}

/** undefined: hash the partition key (the usual case). */
export async function askExplicitHashKey(services: Services, api: KinesisApi, title: string): Promise<string | undefined> {
  if (!vscode.workspace.getConfiguration('kinesis.put').get<boolean>('askExplicitHashKey')) return undefined;
  const typed = await services.prompts.current.input({
    title: `${title}: explicit hash key (optional)`,
    prompt: 'A decimal hash key from 0 to 2^128-1 that picks the shard directly. Leave empty and press Enter to hash the partition key.',
    value: '',
    validate: (v) => (v === '' ? undefined : api.validateExplicitHashKey(v)),
  });
  if (typed === undefined) throw new Cancelled();
  return typed === '' ? undefined : typed;
}
