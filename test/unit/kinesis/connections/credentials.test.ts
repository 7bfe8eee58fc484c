import { strict as assert } from 'node:assert';
import type { AwsCredentialIdentity } from '@smithy/types';
import type { Connection } from '../../../../src/kinesis/connections/connections';
import { isSsoTokenError, problemToNodeError, settle, toNodeError } from '../../../../src/kinesis/result';
import { credentialsFor, DUMMY_CREDENTIALS, guardProvider, sharedProvider } from '../../../../src/kinesis/connections/credentials';
import { useTempAwsFiles, type TempAwsFiles } from '../../../integration/explorer/awsFiles';

const CREDS: AwsCredentialIdentity = { accessKeyId: 'AKIAEXAMPLEGUARD0000', secretAccessKey: 's' };

/** A provider that answers after `ms`, and whose timer the test can cancel. */
function slowProvider(ms: number) {
  let timer: NodeJS.Timeout | undefined;
  return {
    provider: () => new Promise<AwsCredentialIdentity>((resolve) => {
      timer = setTimeout(() => resolve(CREDS), ms);
    }),
    cancel: () => clearTimeout(timer),
  };
}

describe('explorer: guarded credential resolution', () => {
  it('passes credentials through', async () => {
    const guarded = guardProvider(async () => CREDS, { what: 'x', timeoutMs: 1000 });
    assert.deepEqual(await guarded(), CREDS);
  });

  it('fails with CredentialTimeout when resolution hangs', async () => {
    const slow = slowProvider(5_000);
    const started = Date.now();
    try {
      await assert.rejects(guardProvider(slow.provider, { what: 'profile slow', timeoutMs: 50 })(), (err: Error) => err.name === 'CredentialTimeout' && /profile slow/.test(err.message));
      assert.ok(Date.now() - started < 3_000);
    } finally {
      slow.cancel();
    }
  });

  it('rejects with AbortError as soon as the signal aborts, and at once when already aborted', async () => {
    const slow = slowProvider(5_000);
    const abort = new AbortController();
    try {
      const guarded = guardProvider(slow.provider, { what: 'x', timeoutMs: 10_000, signal: abort.signal });
      const pending = guarded();
      abort.abort();
      await assert.rejects(pending, { name: 'AbortError' });
      await assert.rejects(guarded(), { name: 'AbortError' });
    } finally {
      slow.cancel();
    }
  });

  it('gives custom endpoints without a profile dummy credentials', async () => {
    const conn: Connection = { id: 'custom:x', kind: 'custom', name: 'x', region: 'us-east-1', regionSource: 'setting', endpoint: 'http://localhost:1' };
    const creds = await credentialsFor(conn, { paths: { configFile: '/nonexistent/c', credentialsFile: '/nonexistent/k' } })();
    assert.equal(creds.accessKeyId, DUMMY_CREDENTIALS.accessKeyId);
  });
});

describe('explorer: credentials shared by the clients of a connection', () => {
  it('resolves once for concurrent and later calls', async () => {
    let calls = 0;
    const shared = sharedProvider(async () => {
      calls++;
      return CREDS;
    });
    const [a, b] = await Promise.all([shared(), shared()]);
    await shared();
    assert.equal(calls, 1);
    assert.equal(a, b);
  });

  it('resolves again when the credentials are about to expire', async () => {
    let calls = 0;
    const shared = sharedProvider(async () => {
      calls++;
      return { ...CREDS, expiration: new Date(Date.now() + (calls === 1 ? 60_000 : 3_600_000)) };
    }, 5 * 60_000);
    await shared();
    await shared();
    await shared();
    assert.equal(calls, 2, 'the first set expires within the margin, the second does not');
  });

  it('retries after a failure instead of caching it', async () => {
    let calls = 0;
    const shared = sharedProvider(async () => {
      calls++;
      if (calls === 1) throw new Error('SSO token expired');
      return CREDS;
    });
    await assert.rejects(shared(), /SSO token expired/);
    assert.deepEqual(await shared(), CREDS);
    assert.equal(calls, 2);
  });
});

describe('explorer: MFA prompts through the SDK (fromIni)', () => {
  let files: TempAwsFiles;
  before(() => {
    files = useTempAwsFiles(
      `[profile base]
region = us-east-1
[profile mfa]
role_arn = arn:aws:iam::111122223333:role/Admin
source_profile = base
mfa_serial = arn:aws:iam::111122223333:mfa/me
region = us-east-1
`,
      `[base]
aws_access_key_id = AKIAEXAMPLEBASE00000
aws_secret_access_key = s
`,
    );
  });
  after(() => files.restore());

  const mfaConnection: Connection = { id: 'profile:mfa', kind: 'profile', name: 'mfa', profile: 'mfa', profileKind: 'role', region: 'us-east-1', regionSource: 'profile' };

  it('asks for the code with the profile and serial, and treats cancel as MfaCancelled', async () => {
    const asked: Array<[string, string]> = [];
    const provider = credentialsFor(mfaConnection, {
      paths: files.paths,
      timeoutMs: 5_000,
      mfaCodeProvider: async (profile, serial) => {
        asked.push([profile, serial]);
        return undefined;
      },
    });
    await assert.rejects(provider(), { name: 'MfaCancelled' });
    assert.deepEqual(asked, [['mfa', 'arn:aws:iam::111122223333:mfa/me']]);
  });

  it('asks once when several regions resolve at the same time', async () => {
    let asked = 0;
    const provider = credentialsFor(mfaConnection, {
      paths: files.paths,
      timeoutMs: 5_000,
      mfaCodeProvider: async () => {
        asked++;
        return undefined;
      },
    });
    const results = await Promise.allSettled([provider(), provider(), provider()]);
    assert.ok(results.every((r) => r.status === 'rejected'));
    assert.equal(asked, 1);
  });

  it('does not count the time the user spends typing against the timeout', async () => {
    const provider = credentialsFor(mfaConnection, {
      paths: files.paths,
      timeoutMs: 100,
      mfaCodeProvider: () => new Promise((resolve) => setTimeout(() => resolve(undefined), 400)),
    });
    // Without the pause this would be CredentialTimeout after 100 ms.
    await assert.rejects(provider(), { name: 'MfaCancelled' });
  });
});

describe('explorer: error nodes from failures', () => {
  const sso: Connection = { id: 'profile:dev', kind: 'profile', name: 'dev', profile: 'dev', profileKind: 'sso', ssoLoginProfile: 'dev', region: 'us-east-1', regionSource: 'profile' };

  it('keeps the AWS error code and one line of message', async () => {
    const err = Object.assign(new Error('User: arn:aws:iam::1:user/x is not authorized\nto perform kinesis:ListStreams'), { name: 'AccessDeniedException', $metadata: { httpStatusCode: 400 } });
    const res = await settle(() => Promise.reject(err));
    assert.equal(res.ok, false);
    if (res.ok) return;
    assert.equal(res.error.code, 'AccessDeniedException');
    assert.equal(res.error.message, 'User: arn:aws:iam::1:user/x is not authorized');
    assert.match(res.error.detail, /AccessDeniedException/);
  });

  it('turns a credential failure of an SSO profile into an `aws sso login` hint', () => {
    const err = Object.assign(new Error('Token is expired. To refresh this SSO session run aws sso login with the corresponding profile.'), { name: 'CredentialsProviderError' });
    const e = toNodeError(err, sso);
    assert.equal(e.ssoLoginCommand, 'aws sso login --profile dev');
    assert.match(e.nextStep ?? '', /aws sso login --profile dev/);
    assert.ok(isSsoTokenError(err));
  });

  it('does not offer SSO login for a network error', () => {
    const err = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    const e = toNodeError(err, sso);
    assert.equal(e.code, 'ECONNREFUSED');
    assert.equal(e.ssoLoginCommand, undefined);
  });

  it('maps configuration problems with a next step matching where they are fixed', () => {
    const custom: Connection = { id: 'custom:x', kind: 'custom', name: 'x', region: 'us-east-1', regionSource: 'setting' };
    assert.match(problemToNodeError({ code: 'InvalidEndpoint', message: 'bad' }, custom).nextStep ?? '', /kinesis\.connections/);
    assert.match(problemToNodeError({ code: 'SourceProfileCycle', message: 'a → a' }, sso).nextStep ?? '', /config/);
  });
});
