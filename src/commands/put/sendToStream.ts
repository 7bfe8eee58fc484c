// "Send to stream…" from the tail panel: choose the records (the selected row, the rows the filters
// show, or all buffered), a stream on any connection, and keys (the original partition and explicit
// hash keys, or a new strategy); then the same PutRecords run and exact report as Put Records.
import type { ExplorerModel } from '../../explorer/explorerModel';
import type { ForwardKeys } from '../../kinesis/put/forward';
import type { Services } from '../../services';
import type { ForwardRecord, SendSets } from '../../tail/host/sessionOptions';
import { Cancelled, type PickItem } from '../../ui/prompts';
import { CommandIds } from '../ids';
import { InputProblem } from '../../ui/prompts';
import { pickStreamTarget } from '../pickTarget';
import { askExplicitHashKey, askPartitionKey } from './keyPrompts';
import { putLines, type PutLinesResult } from './lines';
import { command, type CommandSpec } from '../registerCommand';

const TITLE = 'Send to Stream';

export function sendToStreamCommands(services: Services, model: ExplorerModel): CommandSpec[] {
  return [command(CommandIds.sendToStream, (sets?: unknown) => sendToStream(services, model, sets), { what: 'send the records', action: 'kinesis:PutRecords' })];
}

function isSendSets(v: unknown): v is SendSets {
  const s = v as Partial<SendSets> | undefined;
  return !!s && Array.isArray(s.matching) && Array.isArray(s.all) && typeof s.filtered === 'boolean';
}

export async function sendToStream(services: Services, model: ExplorerModel, sets: unknown): Promise<PutLinesResult> {
  if (!isSendSets(sets)) throw new InputProblem('Send to stream works on the records of a tail panel: use its "Send to stream…" button.');
  const records = await pickRecords(services, sets);
  const target = await pickStreamTarget(services, model, { title: TITLE });
  const api = await services.kinesis();
  const keys = await pickKeys(services, api);
  const readClient = await services.clients.client(target);
  const putTarget = await api.getPutTarget(readClient, target.streamName);
  const prepared = api.prepareForward(records, keys, putTarget.maxRecordBytes);
  if (prepared.errors.length > 0) throw new InputProblem(`Nothing was sent to ${target.streamName}. ${api.summarizeIssues(prepared.errors, 3)}`);
  const writeClient = await services.clients.client(target, 'write');
  return putLines(services, { target, putTarget, records: prepared.records, writeClient });
}

async function pickRecords(services: Services, sets: SendSets): Promise<ForwardRecord[]> {
  const n = (x: number) => x.toLocaleString('en-US');
  const items: Array<PickItem<ForwardRecord[]>> = [];
  if (sets.selected) items.push({ label: 'The selected record', value: [sets.selected] });
  if (sets.filtered) items.push({ label: `${n(sets.matching.length)} records matching the filters`, description: 'what the table shows', value: sets.matching });
  items.push({ label: `All ${n(sets.all.length)} buffered records`, value: sets.all });
  if (sets.all.length === 0) throw new InputProblem('The tail panel has no records to send yet.');
  const picked = items.length === 1 ? items[0]?.value : await services.prompts.current.pick(items, { title: `${TITLE}: which records?` });
  if (!picked) throw new Cancelled();
  if (picked.length === 0) throw new InputProblem('No record matches the filters: nothing to send.');
  return picked;
}

async function pickKeys(services: Services, api: Awaited<ReturnType<Services['kinesis']>>): Promise<ForwardKeys> {
  const choice = await services.prompts.current.pick<'keep' | 'new'>(
    [
      { label: 'Keep the original keys', description: 'partition key and explicit hash key of each record', value: 'keep' },
      { label: 'New key strategy…', description: 'a fixed key, {uuid} or a JSON path', value: 'new' },
    ],
    { title: `${TITLE}: partition keys` },
  );
  if (!choice) throw new Cancelled();
  if (choice === 'keep') return { kind: 'keep' };
  const partitionKey = await askPartitionKey(services, api, TITLE);
  const explicitHashKey = await askExplicitHashKey(services, api, TITLE);
  return explicitHashKey !== undefined ? { kind: 'new', partitionKey, explicitHashKey } : { kind: 'new', partitionKey };
}
