// The one Kinesis client service of the extension: discovers the connections and hands out one
// cached client per (connection, region, purpose). Built once in activate() and passed by
// constructor to the explorer, the commands and the tail panels. Plain Node (no vscode), so the
// explorer's integration tests build it too; the Kinesis layer itself loads on first use.
import type { KinesisClient } from '@aws-sdk/client-kinesis';
import type { ClientPurpose } from './kinesis/client';
import type { ConnectionClients } from './kinesis/connections/clients';
import type { Connection, Discovery } from './kinesis/connections/connections';
import type { MfaCodeProvider } from './kinesis/connections/credentials';
import type { RegionRef, StreamLocator, StreamRef } from './kinesis/types';
import type { KinesisApi } from './kinesisLoader';

export interface KinesisClientsOptions {
  kinesis: () => Promise<KinesisApi>;
  /** Current value of the `kinesis.connections` setting. */
  customConnections: () => unknown;
  mfaCodeProvider?: MfaCodeProvider;
  env?: () => NodeJS.ProcessEnv;
  credentialTimeoutMs?: number;
  requestTimeoutMs?: number;
}

export class KinesisClients {
  private discovery: Promise<Discovery> | undefined;
  private cache: ConnectionClients | undefined;

  constructor(private readonly opts: KinesisClientsOptions) {}

  /** The Kinesis layer, loaded on first use (it brings the AWS SDK). */
  api(): Promise<KinesisApi> {
    return this.opts.kinesis();
  }

  /** Connections from the AWS files and the setting, read once until reset(). Never throws for bad configuration. */
  discover(): Promise<Discovery> {
    const discovery = (this.discovery ??= this.api().then((api) => api.discoverConnections({ custom: this.opts.customConnections(), env: this.env() })));
    // A failed discovery (a bug or a broken install) is not cached.
    discovery.catch(() => {
      if (this.discovery === discovery) this.discovery = undefined;
    });
    return discovery;
  }

  async connections(): Promise<Connection[]> {
    return (await this.discover()).connections;
  }

  /** The connection with this id; throws ConnectionNotFound when it is no longer configured. */
  async connection(connectionId: string): Promise<Connection> {
    const found = (await this.connections()).find((c) => c.id === connectionId);
    if (!found) throw Object.assign(new Error(`The connection ${connectionId} is no longer configured. Refresh the explorer and try again.`), { name: 'ConnectionNotFound' });
    return found;
  }

  /** A locator completed with the connection's name (throws ConnectionNotFound like connection()). */
  async resolve(locator: StreamLocator): Promise<StreamRef> {
    const connection = await this.connection(locator.connectionId);
    return { ...locator, connectionName: connection.name };
  }

  /**
   * The cached client of a (connection, region): same credentials for every caller, so an MFA code
   * is asked once. 'tail' and 'write' clients make one attempt per call; their callers retry
   * themselves. Throws for a connection with a problem.
   */
  async client(where: Pick<RegionRef, 'connectionId' | 'region'> | { connection: Connection; region: string }, purpose: ClientPurpose = 'default'): Promise<KinesisClient> {
    const connection = 'connection' in where ? where.connection : await this.connection(where.connectionId);
    return (await this.clients()).client(connection, where.region, purpose);
  }

  /** Drops one connection's clients and credentials, e.g. to retry after `aws sso login`. */
  evict(connectionId: string): void {
    this.cache?.evict(connectionId);
  }

  /** Configuration changed: rediscover connections and drop every client. */
  reset(): void {
    this.discovery = undefined;
    this.cache?.reset();
  }

  dispose(): void {
    this.discovery = undefined;
    this.cache?.dispose();
  }

  private async clients(): Promise<ConnectionClients> {
    if (!this.cache) {
      const api = await this.api();
      this.cache ??= new api.ConnectionClients({
        paths: () => api.awsFilePaths(this.env()),
        mfaCodeProvider: this.opts.mfaCodeProvider,
        credentialTimeoutMs: this.opts.credentialTimeoutMs,
        requestTimeoutMs: this.opts.requestTimeoutMs,
      });
    }
    return this.cache;
  }

  private env(): NodeJS.ProcessEnv {
    return this.opts.env?.() ?? process.env;
  }
}
