import { strict as assert } from 'node:assert';
import { discoverConnections, type Connection } from '../../../../src/kinesis/connections/connections';
import { endpointProblem, regionProblem } from '../../../../src/kinesis/connections/custom';
import { useTempAwsFiles, type TempAwsFiles } from '../../../integration/explorer/awsFiles';

const CONFIG = `
[default]
region = eu-central-1

[profile dev]
region = us-west-2
aws_access_key_id = AKIAEXAMPLEDEV000000
aws_secret_access_key = s

[profile noregion]
credential_process = echo

[profile badurl]
endpoint_url = localhost:4566
`;

function byId(connections: Connection[], id: string): Connection {
  const c = connections.find((x) => x.id === id);
  assert.ok(c, `no connection ${id}; have ${connections.map((x) => x.id).join(', ')}`);
  return c;
}

describe('explorer: connection discovery', () => {
  let files: TempAwsFiles;
  beforeEach(() => {
    files = useTempAwsFiles(CONFIG, '');
  });
  afterEach(() => files.restore());

  it('makes one connection per profile, with the profile region or us-east-1', async () => {
    const { connections, paths } = await discoverConnections({ env: process.env });
    assert.equal(paths.configFile, files.configFile);
    assert.deepEqual(connections.map((c) => c.id), ['profile:default', 'profile:badurl', 'profile:dev', 'profile:noregion']);
    assert.equal(byId(connections, 'profile:dev').region, 'us-west-2');
    assert.equal(byId(connections, 'profile:dev').regionSource, 'profile');
    assert.equal(byId(connections, 'profile:noregion').region, 'us-east-1');
    assert.equal(byId(connections, 'profile:noregion').regionSource, 'default');
  });

  it('gives a profile with a malformed endpoint_url a problem instead of failing discovery', async () => {
    const { connections } = await discoverConnections({ env: process.env });
    assert.equal(byId(connections, 'profile:badurl').problem?.code, 'InvalidEndpoint');
    assert.equal(byId(connections, 'profile:dev').problem, undefined);
  });

  it('adds no Environment connection without AWS_ACCESS_KEY_ID or AWS_PROFILE', async () => {
    const { connections } = await discoverConnections({ env: { ...process.env, AWS_REGION: 'eu-west-1' } });
    assert.ok(!connections.some((c) => c.kind === 'environment'));
  });

  it('adds Environment first when AWS_ACCESS_KEY_ID is set, with AWS_REGION and AWS_ENDPOINT_URL_KINESIS', async () => {
    const env = { ...process.env, AWS_ACCESS_KEY_ID: 'AKIAEXAMPLEENV000000', AWS_SECRET_ACCESS_KEY: 's', AWS_REGION: 'ap-south-1', AWS_ENDPOINT_URL_KINESIS: 'http://127.0.0.1:4599' };
    const { connections } = await discoverConnections({ env });
    const first = connections[0] as Connection;
    assert.equal(first.kind, 'environment');
    assert.equal(first.name, 'Environment');
    assert.equal(first.profile, undefined);
    assert.equal(first.region, 'ap-south-1');
    assert.equal(first.endpoint, 'http://127.0.0.1:4599');
  });

  it('uses the AWS_PROFILE profile for Environment, and reports an unknown one', async () => {
    const dev = (await discoverConnections({ env: { ...process.env, AWS_PROFILE: 'dev' } })).connections[0] as Connection;
    assert.equal(dev.kind, 'environment');
    assert.equal(dev.profile, 'dev');
    assert.equal(dev.region, 'us-west-2');
    assert.equal(dev.problem, undefined);
    const missing = (await discoverConnections({ env: { ...process.env, AWS_PROFILE: 'ghost' } })).connections[0] as Connection;
    assert.equal(missing.problem?.code, 'ProfileNotFound');
  });

  it('adds custom endpoints in setting order, after Environment and before profiles', async () => {
    const custom = [
      { name: 'LocalStack', endpoint: 'http://localhost:4566', region: 'us-east-1' },
      { name: 'Mock with dev keys', endpoint: 'https://kinesis.internal:4567/', region: 'eu-west-1', profile: 'dev' },
    ];
    const { connections } = await discoverConnections({ env: { ...process.env, AWS_PROFILE: 'dev' }, custom });
    assert.deepEqual(connections.slice(0, 3).map((c) => c.id), ['environment', 'custom:LocalStack', 'custom:Mock with dev keys']);
    const mock = byId(connections, 'custom:Mock with dev keys');
    assert.equal(mock.profile, 'dev');
    assert.equal(mock.region, 'eu-west-1');
    assert.equal(mock.endpoint, 'https://kinesis.internal:4567/');
    assert.equal(mock.problem, undefined);
  });

  it('turns each bad custom entry into a connection with a problem', async () => {
    const custom = [
      { name: 'no-scheme', endpoint: 'localhost:4566', region: 'us-east-1' },
      { name: 'ftp', endpoint: 'ftp://host', region: 'us-east-1' },
      { name: 'no-region', endpoint: 'http://localhost:1' },
      { name: 'bad-region', endpoint: 'http://localhost:1', region: 'US East' },
      { name: 'ghost-profile', endpoint: 'http://localhost:1', region: 'us-east-1', profile: 'ghost' },
      { name: 'ok', endpoint: 'http://localhost:1', region: 'us-east-1' },
      { name: 'ok', endpoint: 'http://localhost:2', region: 'us-east-1' },
      'not an object',
    ];
    const { connections } = await discoverConnections({ env: process.env, custom });
    const codes = connections.filter((c) => c.kind === 'custom').map((c) => [c.name, c.problem?.code]);
    assert.deepEqual(codes, [
      ['no-scheme', 'InvalidEndpoint'],
      ['ftp', 'InvalidEndpoint'],
      ['no-region', 'InvalidRegion'],
      ['bad-region', 'InvalidRegion'],
      ['ghost-profile', 'ProfileNotFound'],
      ['ok', undefined],
      ['ok', 'DuplicateName'],
      ['Connection 8', 'InvalidSetting'],
    ]);
    const ids = connections.map((c) => c.id);
    assert.equal(new Set(ids).size, ids.length, 'connection ids must be unique (they are tree item ids)');
  });

  it('reports a setting that is not a list', async () => {
    const { connections } = await discoverConnections({ env: process.env, custom: { name: 'x' } });
    assert.equal(connections[0]?.problem?.code, 'InvalidSetting');
  });
});

describe('explorer: endpoint and region validation', () => {
  it('accepts http and https URLs with a host', () => {
    assert.equal(endpointProblem('http://localhost:4566'), undefined);
    assert.equal(endpointProblem('https://vpce-1.kinesis.us-east-1.vpce.amazonaws.com'), undefined);
  });

  it('rejects non-URLs, other schemes and empty values', () => {
    assert.match(endpointProblem('localhost:4566') ?? '', /http/);
    assert.match(endpointProblem('not a url') ?? '', /not a URL/);
    assert.match(endpointProblem('') ?? '', /missing/);
    assert.match(endpointProblem(42) ?? '', /missing/);
  });

  it('checks region names', () => {
    assert.equal(regionProblem('us-gov-west-1'), undefined);
    assert.ok(regionProblem('us east 1'));
    assert.ok(regionProblem(undefined));
  });
});
