import { strict as assert } from 'node:assert';
import { freePort } from '../../harness/ports';
import { createStream, deleteStream, emulator } from '../fixture';
import { useTempAwsFiles, type TempAwsFiles } from './awsFiles';
import { byLabel, connectionChildren, shown, testModel, type Shown } from './explorerHarness';
import type { ErrorNode } from '../../../src/explorer/nodes';

function config(endpoint: string): string {
  return `[profile fails]
region = us-east-1
endpoint_url = ${endpoint}
credential_process = sh -c "echo credential helper exploded >&2; exit 3"

[profile loop-a]
role_arn = arn:aws:iam::111122223333:role/A
source_profile = loop-b
endpoint_url = ${endpoint}

[profile loop-b]
role_arn = arn:aws:iam::111122223333:role/B
source_profile = loop-a

[profile sso]
sso_session = corp
sso_account_id = 111122223333
sso_role_name = Admin
region = us-east-1
endpoint_url = ${endpoint}

[sso-session corp]
sso_start_url = https://example.awsapps.com/start
sso_region = us-east-1
`;
}

function onlyError(items: Shown[]): ErrorNode {
  assert.equal(items.length, 1, `expected one error node, got: ${items.map((i) => i.spec.label).join(', ')}`);
  const [item] = items;
  assert.equal(item?.node.kind, 'error');
  assert.match(item?.spec.contextValue ?? '', /^error/);
  return item?.node as ErrorNode;
}

describe('explorer on kinesis-local: failures become error nodes', function () {
  this.timeout(60_000);
  let files: TempAwsFiles;
  let stream: string;

  before(async () => {
    // HOME in the temp dir: the SSO token cache is empty, as before a first `aws sso login`.
    files = useTempAwsFiles(config(emulator().endpoint), '', { isolateHome: true });
    stream = await createStream(1, 'explorer-err');
  });
  after(async () => {
    files.restore();
    await deleteStream(stream);
  });

  it('a missing profile (kinesis.connections and AWS_PROFILE) gives an error node, not a throw', async () => {
    process.env.AWS_PROFILE = 'ghost';
    const custom = [{ name: 'Ghost', endpoint: emulator().endpoint, region: 'us-east-1', profile: 'ghost' }];
    const { model } = testModel({ customConnections: () => custom });
    try {
      const roots = await shown(model);
      const env = byLabel(roots, 'Environment');
      assert.equal(env.spec.contextValue, 'connection.environment.invalid');
      assert.equal(onlyError(await shown(model, env.node)).error.code, 'ProfileNotFound');
      const ghost = byLabel(roots, 'Ghost');
      const error = onlyError(await shown(model, ghost.node));
      assert.equal(error.error.code, 'ProfileNotFound');
      assert.match(error.error.message, /"ghost"/);
      assert.match(error.error.nextStep ?? '', /kinesis\.connections/);
    } finally {
      delete process.env.AWS_PROFILE;
      model.dispose();
    }
  });

  it('a failing credential_process gives an error node with the provider error', async () => {
    const { model, logs } = testModel();
    try {
      const error = onlyError(await connectionChildren(model, 'fails'));
      assert.match(error.error.code, /Credential|Error/);
      assert.match(`${error.error.message} ${error.error.detail}`, /credential_process|exploded|exit|code 3/i);
      assert.match(error.error.nextStep ?? '', /credential_process of profile "fails"/);
      assert.ok(logs.some((l) => l.includes('listing streams of fails')), 'the failure is logged for "Show details"');
    } finally {
      model.dispose();
    }
  });

  it('a source_profile cycle gives an error node before any AWS call', async () => {
    const { model } = testModel();
    try {
      const roots = await shown(model);
      assert.equal(byLabel(roots, 'loop-a').spec.contextValue, 'connection.profile.role.invalid');
      const error = onlyError(await connectionChildren(model, 'loop-a'));
      assert.equal(error.error.code, 'SourceProfileCycle');
      assert.match(error.error.message, /loop-a → loop-b → loop-a/);
    } finally {
      model.dispose();
    }
  });

  it('a missing SSO token gives an SSO error node with the `aws sso login --profile` command', async () => {
    const { model } = testModel();
    try {
      const items = await connectionChildren(model, 'sso');
      const error = onlyError(items);
      assert.equal(items[0]?.spec.contextValue, 'error.sso');
      assert.equal(error.error.ssoLoginCommand, 'aws sso login --profile sso');
      assert.match(error.error.nextStep ?? '', /aws sso login --profile sso/);
    } finally {
      model.dispose();
    }
  });

  it('an unreachable endpoint (closed port) gives an error node naming the network error', async () => {
    const port = await freePort();
    const custom = [{ name: 'Closed', endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1' }];
    const { model } = testModel({ customConnections: () => custom });
    try {
      const error = onlyError(await connectionChildren(model, 'Closed'));
      assert.equal(error.error.code, 'ECONNREFUSED');
      assert.match(error.error.nextStep ?? '', new RegExp(`Cannot reach http://127\\.0\\.0\\.1:${port}`));
    } finally {
      model.dispose();
    }
  });

  it('after the profile is fixed, a refresh lists the streams', async () => {
    const { model } = testModel();
    try {
      onlyError(await connectionChildren(model, 'fails'));
      files.write(config(emulator().endpoint).replace(/credential_process = .*/, ''), '[fails]\naws_access_key_id = AKIAEXAMPLEFIXED0000\naws_secret_access_key = s\n');
      model.refresh();
      const streams = await connectionChildren(model, 'fails');
      assert.ok(streams.some((s) => s.spec.label === stream), 'the stream shows after the fix');
    } finally {
      files.write(config(emulator().endpoint));
      model.dispose();
    }
  });
});
