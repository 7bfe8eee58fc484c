// What the explorer model needs from outside (the client service, region store, log),
// injected so tests can build a model in plain Node.
import type { AwsFilePaths } from '../kinesis/connections/profiles';
import type { KinesisClients } from '../kinesisClients';

export interface RegionStore {
  get(connectionId: string): string[] | undefined;
  /** undefined: back to the connection's own region. */
  set(connectionId: string, regions: string[] | undefined): Promise<void>;
}

export interface ExplorerLog {
  info(message: string): void;
  warn(message: string): void;
  debug(message: string): void;
}

export interface ExplorerDeps {
  /** Connections and clients; the explorer uses them and hands out neither. */
  clients: KinesisClients;
  regions: RegionStore;
  log: ExplorerLog;
  /** Told after each discovery, so the file watcher follows AWS_CONFIG_FILE changes. */
  onDiscovered?: (paths: AwsFilePaths) => void;
  pageSize?: number;
  describeConcurrency?: number;
  pollIntervalMs?: number;
}
