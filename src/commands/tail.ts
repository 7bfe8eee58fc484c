// Tail commands: "Tail Shard…" (shard node), "Tail Stream…" (stream node), "Kinesis: Tail…"
// (palette: connection, region, stream, shard or all), "Tail Stream (Enhanced Fan-out)…" (the same
// flow with enhanced fan-out offered first), and "Tail from this record" (a put result or a record
// in a tail panel), each opening a tail panel. One flow: target, start position, read mode.
import type { ExplorerModel } from '../explorer/explorerModel';
import { describePosition, validateSequenceNumber, type StartPosition } from '../kinesis/tail/position';
import type { Services } from '../services';
import { promptReadMode } from '../tail/host/modePrompt';
import { promptStartPosition } from '../tail/host/positionPrompt';
import type { TailPanel } from '../tail/host/panel';
import type { TailPanels } from '../tail/host/panels';
import { InputProblem } from '../ui/prompts';
import { pickStreamTarget } from './pickTarget';
import { CommandIds } from './ids';
import { command, type CommandSpec } from './registerCommand';
import { isStreamLocator, type StreamLocator, type StreamRef } from '../kinesis/types';

/** A record's stream, shard and sequence number (a put result or a tail panel row). */
export type FromRecordArgs = StreamLocator & { shardId: string; sequenceNumber: string };

function isFromRecordArgs(v: unknown): v is FromRecordArgs {
  return isStreamLocator(v) && typeof v.shardId === 'string' && typeof (v as { sequenceNumber?: unknown }).sequenceNumber === 'string';
}

export function tailCommands(services: Services, model: ExplorerModel, tails: TailPanels): CommandSpec[] {
  const { log } = services;

  const tailTarget = async (title: string, from: unknown, pickShard: boolean, preferEfo = false): Promise<TailPanel> => {
    const target = await pickStreamTarget(services, model, { title, from, pickShard });
    const shardId = target.shardId;
    const checkSequence = shardId === undefined ? undefined : async (position: StartPosition): Promise<string | undefined> => {
      const api = await services.kinesis();
      const client = await services.clients.client(target, 'tail');
      return api.checkSequencePosition({ client, streamName: target.streamName, shardId }, position);
    };
    const position = await promptStartPosition(services.prompts.current, { title, singleShard: shardId !== undefined, checkSequence });
    const efo = await promptReadMode({ prompts: services.prompts.current, consumers: tails.consumers, state: services.context.workspaceState, log }, target, { title, preferEfo });
    return tails.openTail({ ...request(target, position), ...(efo ? { efo } : {}) });
  };

  return [
    command(CommandIds.tail, (from?: unknown) => tailTarget('Tail', from, true)),
    command(CommandIds.tailStream, (from?: unknown) => tailTarget('Tail Stream', from, false)),
    command(CommandIds.tailShard, (from?: unknown) => tailTarget('Tail Shard', from, true)),
    command(CommandIds.tailStreamEfo, (from?: unknown) => tailTarget('Tail Stream', from, false, true)),
    command(CommandIds.tailFromRecord, async (args?: unknown) => {
      if (!isFromRecordArgs(args)) throw new InputProblem('Tail from this record needs a record: run it from a put result or a tail panel row.');
      const seq = validateSequenceNumber(args.sequenceNumber);
      if (!seq.ok) throw new InputProblem(seq.error);
      const connection = (await services.clients.connections()).find((c) => c.id === args.connectionId);
      if (!connection) throw new InputProblem(`The connection ${args.connectionId} is no longer configured.`);
      const position: StartPosition = { type: 'AT_SEQUENCE_NUMBER', sequenceNumber: seq.value };
      return tails.openTail(request({ connectionId: connection.id, connectionName: connection.name, region: args.region, streamName: args.streamName, shardId: args.shardId }, position));
    }),
  ];
}

function request(target: StreamRef, position: StartPosition) {
  return {
    connectionId: target.connectionId,
    connectionName: target.connectionName,
    region: target.region,
    streamName: target.streamName,
    shardIds: target.shardId ? [target.shardId] : [],
    position,
    positionLabel: describePosition(position),
  };
}
