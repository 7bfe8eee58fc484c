// Credential providers per connection, from @aws-sdk/credential-providers, wrapped so that a
// resolution can be cancelled and cannot hang the explorer (SSO, credential_process, STS calls).
import { fromEnv, fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { Connection } from './connections';
import type { AwsFilePaths } from './profiles';

/** Asks the user for an MFA code; resolves undefined when they cancel. */
export type MfaCodeProvider = (profile: string, mfaSerial: string) => Promise<string | undefined>;

export interface CredentialOptions {
  paths: AwsFilePaths;
  mfaCodeProvider?: MfaCodeProvider;
  /** Upper bound for one resolution, not counting the time the user spends typing an MFA code. */
  timeoutMs?: number;
  /** Aborting rejects pending and future resolutions (the explorer was refreshed or disposed). */
  signal?: AbortSignal;
}

/** Credentials for emulators: LocalStack and kinesis-mock accept any signature. */
export const DUMMY_CREDENTIALS: AwsCredentialIdentity = Object.freeze({ accessKeyId: 'AKIDLOCALKINESIS', secretAccessKey: 'local-dummy-secret' });

export const DEFAULT_CREDENTIAL_TIMEOUT_MS = 30_000;

export class CredentialTimeoutError extends Error {
  constructor(what: string, ms: number) {
    super(`Resolving credentials for ${what} took longer than ${Math.round(ms / 1000)} s`);
    this.name = 'CredentialTimeout';
  }
}

export class MfaCancelledError extends Error {
  constructor(profile: string) {
    super(`MFA code entry for profile "${profile}" was cancelled`);
    this.name = 'MfaCancelled';
  }
}

function abortError(): Error {
  const err = new Error('Credential resolution was cancelled');
  err.name = 'AbortError';
  return err;
}

/** The SDK provider for a connection, before the timeout/cancel guard. */
export function baseProvider(connection: Connection, opts: CredentialOptions, mfa?: (serial: string) => Promise<string>): AwsCredentialIdentityProvider {
  const files = { filepath: opts.paths.credentialsFile, configFilepath: opts.paths.configFile, ignoreCache: true };
  if (connection.kind === 'environment') {
    return connection.profile ? fromNodeProviderChain({ profile: connection.profile, mfaCodeProvider: mfa, ...files }) : fromEnv();
  }
  if (!connection.profile) return async () => DUMMY_CREDENTIALS;
  return fromIni({ profile: connection.profile, mfaCodeProvider: mfa, ...files });
}

/**
 * The provider for a connection's clients: shared (one MFA prompt for all regions and purposes)
 * and guarded (each resolution fails after `timeoutMs`, the clock stopped while an MFA prompt is
 * open, or as soon as `signal` aborts). A failed resolution is retried on the next request.
 */
export function credentialsFor(connection: Connection, opts: CredentialOptions): AwsCredentialIdentityProvider {
  const deadlines = new Set<Deadline>();
  const mfa = opts.mfaCodeProvider && connection.profile ? mfaPrompt(connection.profile, opts.mfaCodeProvider, deadlines) : undefined;
  return sharedProvider(guardProvider(baseProvider(connection, opts, mfa), { what: connection.name, timeoutMs: opts.timeoutMs, signal: opts.signal, deadlines }));
}

/** Refresh temporary credentials this long before they expire. */
export const REFRESH_MARGIN_MS = 5 * 60_000;

/**
 * One resolution at a time, reused until `marginMs` before its expiration. Each SDK client
 * memoizes on its own; this makes every client of a connection share one (and one MFA prompt).
 */
export function sharedProvider(provider: AwsCredentialIdentityProvider, marginMs = REFRESH_MARGIN_MS): AwsCredentialIdentityProvider {
  let current: AwsCredentialIdentity | undefined;
  let pending: Promise<AwsCredentialIdentity> | undefined;
  return (props?: Parameters<AwsCredentialIdentityProvider>[0]) => {
    if (current && (!current.expiration || current.expiration.getTime() - Date.now() > marginMs)) return Promise.resolve(current);
    pending ??= provider(props).then(
      (creds) => {
        current = creds;
        pending = undefined;
        return creds;
      },
      (err: unknown) => {
        pending = undefined;
        throw err;
      },
    );
    return pending;
  };
}

export interface GuardOptions {
  /** Named in the timeout error. */
  what: string;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Deadlines of calls in flight; an MFA prompt pauses them. */
  deadlines?: Set<Deadline>;
}

export function guardProvider(provider: AwsCredentialIdentityProvider, opts: GuardOptions): AwsCredentialIdentityProvider {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_CREDENTIAL_TIMEOUT_MS;
  const deadlines = opts.deadlines ?? new Set<Deadline>();
  const { signal } = opts;
  return (props?: Parameters<AwsCredentialIdentityProvider>[0]) => {
    if (signal?.aborted) return Promise.reject(abortError());
    return new Promise<AwsCredentialIdentity>((resolve, reject) => {
      const deadline = new Deadline(timeoutMs, () => finish(new CredentialTimeoutError(opts.what, timeoutMs)));
      const onAbort = () => finish(abortError());
      function finish(err: Error | undefined, creds?: AwsCredentialIdentity): void {
        if (!deadlines.delete(deadline)) return;
        deadline.stop();
        signal?.removeEventListener('abort', onAbort);
        if (err) reject(err);
        else resolve(creds as AwsCredentialIdentity);
      }
      deadlines.add(deadline);
      signal?.addEventListener('abort', onAbort, { once: true });
      new Promise<AwsCredentialIdentity>((res) => res(provider(props))).then(
        (creds) => finish(undefined, creds),
        (err: unknown) => finish(err instanceof Error ? err : new Error(String(err))),
      );
    });
  };
}

function mfaPrompt(profile: string, ask: MfaCodeProvider, deadlines: Set<Deadline>): (serial: string) => Promise<string> {
  return async (serial) => {
    // The user may take a while to find their device: the timeout is for machines, not people.
    for (const d of deadlines) d.pause();
    try {
      const code = await ask(profile, serial);
      if (code === undefined) throw new MfaCancelledError(profile);
      return code.trim();
    } finally {
      for (const d of deadlines) d.resume();
    }
  };
}

/** A pausable one-shot timer. */
export class Deadline {
  private timer: NodeJS.Timeout | undefined;
  private remaining: number;
  private startedAt = 0;
  private stopped = false;

  constructor(ms: number, private readonly onExpire: () => void) {
    this.remaining = ms;
    this.resume();
  }

  pause(): void {
    if (!this.timer) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.remaining -= Date.now() - this.startedAt;
  }

  resume(): void {
    if (this.timer || this.stopped) return;
    this.startedAt = Date.now();
    this.timer = setTimeout(this.onExpire, Math.max(0, this.remaining));
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.stopped = true;
  }
}
