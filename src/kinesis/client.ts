// Creates and caches Kinesis SDK clients. One client per (connection, region, endpoint, purpose),
// on HTTP/1.1 keep-alive sockets: the SDK's HTTP/2 default has failed under concurrent polling
// (aws-sdk-js-v3 #3602, #3809, #8279), and kinesis-local rejects it. The one exception is the
// 'subscribe' client of an AWS endpoint: SubscribeToShard on AWS requires HTTP/2.
import { KinesisClient } from '@aws-sdk/client-kinesis';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import { NodeHttp2Handler, NodeHttpHandler } from '@smithy/node-http-handler';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';

export interface ClientOptions {
  region: string;
  /** Custom endpoint (LocalStack, kinesis-mock, VPC endpoint). Absent for AWS itself. */
  endpoint?: string;
  credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /**
   * SDK-level attempts. Callers that run their own backoff (the tail engine) pass 1 so that
   * throttling is visible to them instead of being hidden inside the SDK's retry loop.
   */
  maxAttempts?: number;
  /** Per-request socket timeout in ms. */
  requestTimeoutMs?: number;
  /** Upper bound on sockets per host; a stream tail holds one per shard being polled. */
  maxSockets?: number;
  /**
   * Skip the SDK's own endpoint lookup (AWS_ENDPOINT_URL*, and `endpoint_url` of the *ambient*
   * profile). The explorer resolves each connection's endpoint itself, from that connection's
   * profile, so another profile's endpoint_url must not leak in.
   */
  ignoreConfiguredEndpointUrls?: boolean;
  /** HTTP/2 instead of HTTP/1.1; only for SubscribeToShard (see subscribeTransport()). */
  http2?: boolean;
}

/** The per-connection choice of SubscribeToShard's transport (`efoTransport` of a custom connection). */
export type EfoTransport = 'auto' | 'http1' | 'http2';

/**
 * The transport for SubscribeToShard: forced by the setting, else HTTP/2 for AWS (no custom
 * endpoint, or an amazonaws.com one: AWS requires it) and HTTP/1.1 for every other endpoint
 * (LocalStack, kinesis-mock and kinesis-local speak EFO over HTTP/1.1; kinesis-local breaks on h2).
 */
export function subscribeTransport(endpoint: string | undefined, setting: EfoTransport = 'auto'): 'http1' | 'http2' {
  if (setting === 'http1' || setting === 'http2') return setting;
  if (endpoint === undefined) return 'http2';
  let host: string;
  try {
    host = new URL(endpoint).hostname.toLowerCase();
  } catch {
    return 'http1';
  }
  return /(^|\.)amazonaws\.com(\.cn)?$/.test(host) || /(^|\.)api\.aws$/.test(host) ? 'http2' : 'http1';
}

export function createKinesisClient(opts: ClientOptions): KinesisClient {
  const common = {
    region: opts.region,
    endpoint: opts.endpoint,
    credentials: opts.credentials,
    maxAttempts: opts.maxAttempts ?? 3,
    ignoreConfiguredEndpointUrls: opts.ignoreConfiguredEndpointUrls,
  };
  if (opts.http2) {
    // One session for every shard's subscription stream; a stream idle this long (no event,
    // AWS sends one at least every 5 s) is dropped and the reader resubscribes.
    return new KinesisClient({ ...common, requestHandler: new NodeHttp2Handler({ requestTimeout: opts.requestTimeoutMs ?? 30_000, sessionTimeout: 600_000, disableConcurrentStreams: false }) });
  }
  const agentOptions = { keepAlive: true, maxSockets: opts.maxSockets ?? 64, keepAliveMsecs: 10_000 };
  return new KinesisClient({
    ...common,
    requestHandler: new NodeHttpHandler({
      httpAgent: new HttpAgent(agentOptions),
      httpsAgent: new HttpsAgent(agentOptions),
      connectionTimeout: 5_000,
      requestTimeout: opts.requestTimeoutMs ?? 30_000,
    }),
  });
}

export interface ClientKey {
  connectionId: string;
  region: string;
  endpoint?: string;
  purpose?: ClientPurpose;
  /** For purpose 'subscribe': the transport setting of the connection. */
  efoTransport?: EfoTransport;
}

/**
 * 'default' for listing and admin calls. 'tail' (polling) and 'write' (PutRecord/PutRecords)
 * get maxAttempts 1: their callers run their own backoff, and for writes an SDK-level retry of
 * an ambiguous failure could store a record twice. 'subscribe' (SubscribeToShard) too, on the
 * transport subscribeTransport() picks.
 */
export type ClientPurpose = 'default' | 'tail' | 'write' | 'subscribe';

/** Owns every client it hands out; dispose() destroys their sockets. */
export class ClientCache {
  private readonly clients = new Map<string, KinesisClient>();

  get(key: ClientKey, make: () => ClientOptions): KinesisClient {
    const id = ClientCache.keyOf(key);
    let client = this.clients.get(id);
    if (!client) {
      const opts = make();
      const ownRetries = key.purpose === 'tail' || key.purpose === 'write' || key.purpose === 'subscribe';
      const http2 = key.purpose === 'subscribe' && subscribeTransport(key.endpoint, key.efoTransport) === 'http2';
      client = createKinesisClient({ ...opts, ...(ownRetries ? { maxAttempts: 1 } : {}), http2 });
      this.clients.set(id, client);
    }
    return client;
  }

  /** Drops the clients of one connection, e.g. after its credentials or config changed. */
  evict(connectionId: string): void {
    for (const [id, client] of this.clients) {
      if (id.startsWith(`${connectionId}\u0000`)) {
        client.destroy();
        this.clients.delete(id);
      }
    }
  }

  get size(): number {
    return this.clients.size;
  }

  dispose(): void {
    for (const client of this.clients.values()) client.destroy();
    this.clients.clear();
  }

  private static keyOf(key: ClientKey): string {
    return [key.connectionId, key.region, key.endpoint ?? '', key.purpose ?? 'default', key.efoTransport ?? 'auto'].join('\u0000');
  }
}
