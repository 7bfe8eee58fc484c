// Which stream (or region, or shard) an action is about: one shape for every command, panel,
// event and message of the extension, so nothing has to guess a node's or an argument's shape.

/** A connection and one of its regions. */
export interface RegionRef {
  /** Connection id: `profile:<name>`, `environment` or `custom:<name>`. */
  connectionId: string;
  /** The connection's label, for titles and messages. */
  connectionName: string;
  region: string;
}

/** A stream, and optionally one of its shards (absent: the whole stream). */
export interface StreamRef extends RegionRef {
  streamName: string;
  shardId?: string;
}

/** A stream as command arguments carry it (notifications, tail rows): the name comes from the connection. */
export type StreamLocator = Omit<StreamRef, 'connectionName'> & { connectionName?: string };

/** True for a plain { connectionId, region, streamName } object (a command argument). */
export function isStreamLocator(value: unknown): value is StreamLocator {
  const v = value as Record<string, unknown> | undefined;
  return !!v && typeof v === 'object' && typeof v.connectionId === 'string' && typeof v.region === 'string' && typeof v.streamName === 'string'
    && (v.shardId === undefined || typeof v.shardId === 'string') && (v.connectionName === undefined || typeof v.connectionName === 'string');
}

/** Same connection, region and stream (shards are not compared). */
export function sameStream(a: StreamLocator, b: StreamLocator): boolean {
  return a.connectionId === b.connectionId && a.region === b.region && a.streamName === b.streamName;
}
