import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { awsFilePaths, loadProfiles, type ProfileInfo } from '../../../../src/kinesis/connections/profiles';
import { validateProfileChain } from '../../../../src/kinesis/connections/profileChain';
import { useTempAwsFiles, type TempAwsFiles } from '../../../integration/explorer/awsFiles';

const CONFIG = `
[default]
region = us-west-2

[profile sso-dev]
sso_session = corp
sso_account_id = 111122223333
sso_role_name = Admin
region = eu-west-1

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = us-east-1
sso_registration_scopes = sso:account:access

[profile legacy-sso]
sso_start_url = https://old.awsapps.com/start
sso_region = us-east-1
sso_account_id = 1
sso_role_name = R

[profile proc]
credential_process = /usr/local/bin/get-creds --profile x
region = ap-southeast-2

[profile admin]
role_arn = arn:aws:iam::111122223333:role/Admin
source_profile = default
mfa_serial = arn:aws:iam::111122223333:mfa/me

[profile via-sso]
role_arn = arn:aws:iam::111122223333:role/Deploy
source_profile = sso-dev

[profile self-keys]
role_arn = arn:aws:iam::1:role/R
source_profile = self-keys
aws_access_key_id = AKIAEXAMPLESELF00000
aws_secret_access_key = s

[profile loop-a]
role_arn = arn:aws:iam::1:role/A
source_profile = loop-b

[profile loop-b]
role_arn = arn:aws:iam::1:role/B
source_profile = loop-a

[profile dangling]
role_arn = arn:aws:iam::1:role/D
source_profile = nowhere

[profile local]
endpoint_url = http://localhost:4566
region = us-east-1

[profile svc]
services = my-endpoints
endpoint_url = http://ignored:1

[services my-endpoints]
kinesis =
  endpoint_url = http://localhost:4567

[profile no-endpoints]
endpoint_url = http://localhost:9
ignore_configured_endpoint_urls = true

[profile broken-sso]
sso_session = missing
`;

const CREDENTIALS = `
[default]
aws_access_key_id = AKIAEXAMPLEDEFAULT00
aws_secret_access_key = secret

[creds-only]
aws_access_key_id = AKIAEXAMPLECREDSONLY
aws_secret_access_key = secret
`;

describe('explorer: profiles from the shared files', () => {
  let files: TempAwsFiles;
  let byName: Map<string, ProfileInfo>;

  before(async () => {
    files = useTempAwsFiles(CONFIG, CREDENTIALS);
    const set = await loadProfiles(awsFilePaths());
    byName = new Map(set.profiles.map((p) => [p.name, p]));
  });
  after(() => files.restore());

  const get = (name: string): ProfileInfo => {
    const p = byName.get(name);
    assert.ok(p, `profile ${name} missing; have ${[...byName.keys()].join(', ')}`);
    return p;
  };

  it('lists profiles of both files, default first, without sso-session or services sections', () => {
    const names = [...byName.keys()];
    assert.equal(names[0], 'default');
    assert.ok(names.includes('creds-only'));
    assert.ok(!names.some((n) => n.startsWith('sso-session') || n.startsWith('services') || n === 'corp' || n === 'my-endpoints'));
    assert.deepEqual(names.slice(1), [...names.slice(1)].sort((a, b) => a.localeCompare(b)));
  });

  it('merges the default profile across files (region from config, keys from credentials)', () => {
    const d = get('default');
    assert.equal(d.kind, 'static');
    assert.equal(d.region, 'us-west-2');
    assert.deepEqual(d.foundIn, ['config', 'credentials']);
    assert.deepEqual(get('creds-only').foundIn, ['credentials']);
  });

  it('recognises sso-session, legacy SSO, credential_process and role profiles', () => {
    const sso = get('sso-dev');
    assert.equal(sso.kind, 'sso');
    assert.equal(sso.ssoSession, 'corp');
    assert.equal(sso.ssoStartUrl, 'https://corp.awsapps.com/start');
    assert.equal(sso.ssoLoginProfile, 'sso-dev');
    assert.equal(sso.region, 'eu-west-1');
    assert.equal(get('legacy-sso').kind, 'sso');
    assert.equal(get('proc').kind, 'process');
    const admin = get('admin');
    assert.equal(admin.kind, 'role');
    assert.equal(admin.sourceProfile, 'default');
    assert.equal(admin.mfaSerial, 'arn:aws:iam::111122223333:mfa/me');
    assert.equal(admin.problem, undefined);
  });

  it('points a role on top of an SSO profile at that profile for `aws sso login`', () => {
    assert.equal(get('via-sso').ssoLoginProfile, 'sso-dev');
    assert.equal(get('via-sso').problem, undefined);
  });

  it('accepts a role whose source_profile is itself with static keys (as the SDK does)', () => {
    assert.equal(get('self-keys').problem, undefined);
  });

  it('reports source_profile cycles and missing source profiles', () => {
    assert.equal(get('loop-a').problem?.code, 'SourceProfileCycle');
    assert.match(get('loop-a').problem?.message ?? '', /loop-a → loop-b → loop-a/);
    assert.equal(get('loop-b').problem?.code, 'SourceProfileCycle');
    assert.equal(get('dangling').problem?.code, 'SourceProfileNotFound');
    assert.match(get('dangling').problem?.message ?? '', /nowhere/);
  });

  it('reports a missing sso-session section', () => {
    assert.equal(get('broken-sso').problem?.code, 'SsoSessionNotFound');
  });

  it('reads the Kinesis endpoint: services section over endpoint_url, and ignore_configured_endpoint_urls', () => {
    assert.equal(get('local').endpoint, 'http://localhost:4566');
    assert.equal(get('svc').endpoint, 'http://localhost:4567');
    assert.equal(get('no-endpoints').endpoint, undefined);
    assert.equal(get('default').endpoint, undefined);
  });

  it('treats missing files as empty', async () => {
    const set = await loadProfiles({ configFile: join(files.dir, 'nope'), credentialsFile: join(files.dir, 'nope2') });
    assert.deepEqual(set.profiles, []);
  });
});

describe('explorer: source_profile chain validation', () => {
  it('follows a three-hop chain to static keys', () => {
    const all = {
      a: { role_arn: 'r', source_profile: 'b' },
      b: { role_arn: 'r', source_profile: 'c' },
      c: { aws_access_key_id: 'k', aws_secret_access_key: 's' },
    };
    assert.deepEqual(validateProfileChain('a', all), {});
  });

  it('flags a self-reference without keys as a cycle', () => {
    assert.equal(validateProfileChain('a', { a: { role_arn: 'r', source_profile: 'a' } }).problem?.code, 'SourceProfileCycle');
  });

  it('flags a source profile that has no way to get credentials', () => {
    const check = validateProfileChain('a', { a: { role_arn: 'r', source_profile: 'b' }, b: { region: 'us-east-1' } });
    assert.equal(check.problem?.code, 'SourceProfileWithoutCredentials');
  });

  it('accepts credential_source and credential_process sources', () => {
    assert.deepEqual(validateProfileChain('a', { a: { role_arn: 'r', source_profile: 'b' }, b: { credential_process: 'x' } }), {});
    assert.deepEqual(validateProfileChain('a', { a: { role_arn: 'r', credential_source: 'Ec2InstanceMetadata' } }), {});
  });

  it('rejects source_profile together with credential_source', () => {
    assert.equal(validateProfileChain('a', { a: { role_arn: 'r', source_profile: 'b', credential_source: 'Environment' }, b: {} }).problem?.code, 'InvalidProfile');
  });
});

describe('explorer: AWS file paths', () => {
  it('honours AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE and expands ~', () => {
    const paths = awsFilePaths({ HOME: '/home/u', AWS_CONFIG_FILE: '~/custom/config', AWS_SHARED_CREDENTIALS_FILE: '/etc/creds' });
    assert.equal(paths.configFile, join('/home/u', 'custom/config'));
    assert.equal(paths.credentialsFile, '/etc/creds');
  });

  it('defaults to ~/.aws/config and ~/.aws/credentials', () => {
    const paths = awsFilePaths({ HOME: '/home/u' });
    assert.equal(paths.configFile, join('/home/u', '.aws', 'config'));
    assert.equal(paths.credentialsFile, join('/home/u', '.aws', 'credentials'));
  });
});
