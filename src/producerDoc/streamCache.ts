// Stream names per connection and region, for completion and the unknown-stream diagnostic:
// listed once and kept for a minute, so typing does not call ListStreams on every key.
import { listStreamNames } from '../commands/pickTarget';
import type { RegionRef } from '../kinesis/types';
import type { Services } from '../services';

const TTL_MS = 60_000;

interface Entry {
  at: number;
  names?: ReadonlySet<string>;
  loading?: Promise<ReadonlySet<string> | undefined>;
}

export class StreamNameCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly services: Services) {}

  /** The cached names, if fresh; undefined while unknown (never throws: a failed list is unknown). */
  peek(where: RegionRef): ReadonlySet<string> | undefined {
    const e = this.entries.get(key(where));
    return e && Date.now() - e.at < TTL_MS ? e.names : undefined;
  }

  /** Fresh names, listing them if needed; undefined when the list failed. */
  async get(where: RegionRef): Promise<ReadonlySet<string> | undefined> {
    const k = key(where);
    const e = this.entries.get(k);
    if (e && Date.now() - e.at < TTL_MS) return e.names ?? e.loading;
    const loading = listStreamNames(this.services, where).then(
      (names) => new Set(names) as ReadonlySet<string>,
      (err: unknown) => {
        this.services.log.warn(`producer document: cannot list the streams of ${where.connectionName} in ${where.region}: ${err instanceof Error ? err.message : String(err)}`);
        return undefined;
      },
    );
    const entry: Entry = { at: Date.now(), loading };
    this.entries.set(k, entry);
    entry.names = await loading;
    delete entry.loading;
    return entry.names;
  }

  /** After a put or a stream created elsewhere: list again next time. */
  clear(): void {
    this.entries.clear();
  }
}

function key(where: RegionRef): string {
  return `${where.connectionId}\u0000${where.region}`;
}
