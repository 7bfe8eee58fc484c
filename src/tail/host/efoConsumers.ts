// The enhanced fan-out consumers of tail panels: the stream's ACTIVE consumers to choose from,
// temporary ones registered for a panel (waiting until ACTIVE) and deregistered with it, the sweep
// of abandoned ones, and the heartbeats that keep another window's consumer out of that sweep.
// Heartbeats live in globalState, which every window of this machine shares.
import { userInfo } from 'node:os';
import type * as vscode from 'vscode';
import type { ConsumerModel } from '../../kinesis/consumers/consumers';
import type { Heartbeats } from '../../kinesis/consumers/sweepPolicy';
import type { StreamRef } from '../../kinesis/types';
import type { Services } from '../../services';
import { withCancellableProgress } from '../../ui/progress';
import { Cancelled } from '../../ui/prompts';
import type { EfoTarget } from './panel';

const HEARTBEATS_KEY = 'kinesis.efo.heartbeats';

type Stream = Omit<StreamRef, 'shardId'>;

export function currentUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'user';
  }
}

export class EfoConsumers {
  constructor(private readonly services: Services) {}

  /** The stream's ARN and its ACTIVE consumers other than this user's temporary ones. */
  async choices(stream: Stream): Promise<{ streamARN: string; consumers: ConsumerModel[] }> {
    const api = await this.services.kinesis();
    const client = await this.services.clients.client(stream);
    const streamARN = await this.streamARN(stream);
    const user = currentUser();
    const consumers = (await api.listConsumers(client, streamARN)).filter((c) => c.status === 'ACTIVE' && !api.isTemporaryConsumerOf(c.name, user));
    return { streamARN, consumers };
  }

  async streamARN(stream: Stream): Promise<string> {
    const api = await this.services.kinesis();
    const summary = await api.describeStreamSummary(await this.services.clients.client(stream), stream.streamName);
    if (!summary.arn) throw new Error(`DescribeStreamSummary returned no ARN for ${stream.streamName}.`);
    return summary.arn;
  }

  /** Deregisters this user's abandoned temporary consumers of the stream (best effort, logged). */
  async sweep(stream: Stream, streamARN: string): Promise<void> {
    const api = await this.services.kinesis();
    try {
      const swept = await api.sweepTemporaryConsumers(await this.services.clients.client(stream), streamARN, currentUser(), { heartbeats: () => this.heartbeats() });
      for (const c of swept.deregistered) this.services.log.info(`deregistered ${c.name} of ${stream.streamName}: a temporary consumer over an hour old that no window uses`);
      for (const f of swept.failed) this.services.log.warn(`sweeping ${f.consumer.name} of ${stream.streamName} failed: ${f.message}`);
      await this.save(api.pruneHeartbeats(this.heartbeats(), Date.now(), swept.deregistered.map((c) => c.name)));
    } catch (err) {
      this.services.log.warn(`sweeping temporary consumers of ${stream.streamName} failed: ${String(err)}`);
    }
  }

  /**
   * Registers `kinesis-explorer-<user>-<id>` and waits until it is ACTIVE (SubscribeToShard refuses
   * it before); a failed or cancelled wait deregisters it again. `progress: false` waits silently
   * (a panel being restored).
   */
  async registerTemporary(stream: Stream, streamARN: string, opts: { progress: boolean } = { progress: true }): Promise<EfoTarget> {
    const api = await this.services.kinesis();
    const client = await this.services.clients.client(stream);
    const name = api.temporaryConsumerName(currentUser());
    const registered = await api.registerConsumer(client, streamARN, name);
    await this.beat(name);
    const wait = (signal?: AbortSignal) => api.waitForConsumerActive(client, streamARN, name, signal ? { signal } : {});
    let ready: ConsumerModel | undefined;
    try {
      ready = opts.progress ? await withCancellableProgress(`Registering temporary consumer ${name}`, wait) : await wait();
    } catch (err) {
      await this.deregister(stream, { consumerName: name, consumerARN: registered.arn, streamARN, temporary: true }, 'its registration failed');
      throw err;
    }
    if (!ready) {
      await this.deregister(stream, { consumerName: name, consumerARN: registered.arn, streamARN, temporary: true }, 'its registration was cancelled');
      throw new Cancelled();
    }
    return { consumerName: name, consumerARN: ready.arn || registered.arn, streamARN, temporary: true };
  }

  /** Deregisters a temporary consumer and forgets its heartbeat; failures are logged, never thrown. */
  async deregister(stream: Stream, efo: EfoTarget, why: string): Promise<void> {
    try {
      const api = await this.services.kinesis();
      await api.deregisterConsumer(await this.services.clients.client(stream), efo.streamARN, efo.consumerName);
      this.services.log.info(`deregistered temporary consumer ${efo.consumerName} of ${stream.streamName}: ${why}`);
    } catch (err) {
      this.services.log.warn(`deregistering temporary consumer ${efo.consumerName} of ${stream.streamName} failed (${why}; the sweep at a later enhanced fan-out start removes it after an hour): ${String(err)}`);
    }
    await this.forget(efo.consumerName);
  }

  /** Every window's heartbeats (consumer name → last seen, ms). */
  heartbeats(): Heartbeats {
    const raw = this.state.get<unknown>(HEARTBEATS_KEY);
    if (typeof raw !== 'object' || raw === null) return {};
    const out: Record<string, number> = {};
    for (const [name, seen] of Object.entries(raw)) if (typeof seen === 'number' && Number.isFinite(seen)) out[name] = seen;
    return out;
  }

  /** Says "a running tail of this window uses this consumer"; called every few minutes. */
  async beat(name: string): Promise<void> {
    await this.save({ ...this.heartbeats(), [name]: Date.now() });
  }

  async forget(name: string): Promise<void> {
    const { [name]: _gone, ...rest } = this.heartbeats();
    await this.save(rest);
  }

  private get state(): vscode.Memento {
    return this.services.context.globalState;
  }

  private async save(heartbeats: Record<string, number>): Promise<void> {
    try {
      await this.state.update(HEARTBEATS_KEY, heartbeats);
    } catch (err) {
      this.services.log.warn(`saving consumer heartbeats failed: ${String(err)}`);
    }
  }
}
