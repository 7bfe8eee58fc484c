// What the explorer model needs from outside (the Kinesis layer, settings, region store, log),
// injected so tests can build a model in plain Node.
import type { MfaCodeProvider } from '../kinesis/connections/credentials';
import type { AwsFilePaths } from '../kinesis/connections/profiles';
import type { KinesisApi } from '../kinesisLoader';

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
  kinesis: () => Promise<KinesisApi>;
  /** Current value of the `kinesis.connections` setting. */
  customConnections: () => unknown;
  regions: RegionStore;
  log: ExplorerLog;
  mfaCodeProvider?: MfaCodeProvider;
  env?: () => NodeJS.ProcessEnv;
  /** Told after each discovery, so the file watcher follows AWS_CONFIG_FILE changes. */
  onDiscovered?: (paths: AwsFilePaths) => void;
  pageSize?: number;
  describeConcurrency?: number;
  pollIntervalMs?: number;
  credentialTimeoutMs?: number;
  requestTimeoutMs?: number;
}
