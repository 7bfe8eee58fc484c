// One Kinesis client per (connection, region, endpoint), with the connection's guarded
// credentials. reset() drops them all (config changed); pending credential resolutions abort.
import type { KinesisClient } from '@aws-sdk/client-kinesis';
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { ClientCache, type ClientPurpose } from '../client';
import type { Connection } from './connections';
import { credentialsFor, type MfaCodeProvider } from './credentials';
import { awsFilePaths, type AwsFilePaths } from './profiles';

export interface ConnectionClientsOptions {
  /** Files the profiles come from; defaults to the AWS_CONFIG_FILE / ~/.aws ones at each reset. */
  paths?: () => AwsFilePaths;
  mfaCodeProvider?: MfaCodeProvider;
  credentialTimeoutMs?: number;
  /** Per-request socket timeout; listing should fail fast on a dead endpoint. */
  requestTimeoutMs?: number;
  maxAttempts?: number;
}

export class ConnectionClients {
  private cache = new ClientCache();
  private abort = new AbortController();
  private readonly providers = new Map<string, AwsCredentialIdentityProvider>();

  constructor(private readonly opts: ConnectionClientsOptions = {}) {}

  /**
   * The cached client for this connection and region, created on first use. `purpose: 'tail'`
   * and `'write'` give separate clients with maxAttempts 1 (the caller runs its own backoff, and
   * a write must never be resent by the SDK); all clients of a connection share its credentials.
   */
  client(connection: Connection, region: string, purpose: ClientPurpose = 'default'): KinesisClient {
    if (connection.problem) throw Object.assign(new Error(connection.problem.message), { name: connection.problem.code });
    return this.cache.get({ connectionId: connection.id, region, endpoint: connection.endpoint, purpose, efoTransport: connection.efoTransport }, () => ({
      region,
      endpoint: connection.endpoint,
      // Endpoints are resolved per connection (connections.ts); the SDK's ambient lookup would
      // apply the default profile's endpoint_url to every profile.
      ignoreConfiguredEndpointUrls: true,
      credentials: this.credentials(connection),
      requestTimeoutMs: this.opts.requestTimeoutMs ?? 15_000,
      maxAttempts: this.opts.maxAttempts ?? 3,
    }));
  }

  /** Drops one connection's clients and credentials, e.g. to retry after `aws sso login`. */
  evict(connectionId: string): void {
    this.cache.evict(connectionId);
    this.providers.delete(connectionId);
  }

  /** Destroys every client and cancels pending credential resolutions. */
  reset(): void {
    this.abort.abort();
    this.abort = new AbortController();
    this.cache.dispose();
    this.cache = new ClientCache();
    this.providers.clear();
  }

  get size(): number {
    return this.cache.size;
  }

  dispose(): void {
    this.abort.abort();
    this.cache.dispose();
    this.providers.clear();
  }

  private credentials(connection: Connection): AwsCredentialIdentityProvider {
    let provider = this.providers.get(connection.id);
    if (!provider) {
      const paths = this.opts.paths?.() ?? awsFilePaths();
      provider = credentialsFor(connection, { paths, mfaCodeProvider: this.opts.mfaCodeProvider, timeoutMs: this.opts.credentialTimeoutMs, signal: this.abort.signal });
      this.providers.set(connection.id, provider);
    }
    return provider;
  }
}
