import assert from 'node:assert/strict';
import { isWebviewMessage, MAX_FILTER_LENGTH, parsePersistedState, type WebviewToHost } from '../../../../src/tail/shared/protocol';

const VALID: WebviewToHost[] = [
  { type: 'ready' },
  { type: 'pause', reason: 'user' },
  { type: 'pause', reason: 'full' },
  { type: 'resume' },
  { type: 'stop' },
  { type: 'clear' },
  { type: 'setFilter', text: 'device-1', field: 'temperature > 75' },
  { type: 'toggleShard', shardId: 'shardId-000000000001', visible: false },
  { type: 'export', requestId: 3, scope: 'shown', format: 'csv' },
  { type: 'copy', what: 'sequenceNumber', id: 0 },
  { type: 'openInEditor', id: 7 },
  { type: 'tailFromRecord', id: 7 },
  { type: 'putAgain', id: 7 },
  { type: 'getPayload', requestId: 1, id: 9 },
  { type: 'find', text: 'device-1', field: '$.status == "WARN"' },
  { type: 'find', text: '', field: '' },
];

describe('tail protocol: isWebviewMessage', () => {
  it('accepts every well-formed command', () => {
    for (const m of VALID) assert.equal(isWebviewMessage(m), true, JSON.stringify(m));
  });

  it('rejects what is not a command object', () => {
    for (const x of [null, undefined, 0, 'ready', ['ready'], { type: 42 }, {}, { type: 'Ready' }, { type: 'executeCommand', command: 'workbench.action.quit' }]) {
      assert.equal(isWebviewMessage(x), false, JSON.stringify(x));
    }
  });

  it('does not treat inherited property names as commands', () => {
    for (const type of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
      assert.equal(isWebviewMessage({ type }), false, type);
    }
    assert.equal(isWebviewMessage(JSON.parse('{"type":"stop","__proto__":{"polluted":true}}')), false, 'an own __proto__ key is an extra key');
  });

  it('rejects missing, extra and mistyped fields', () => {
    const bad: unknown[] = [
      { type: 'pause' },
      { type: 'pause', reason: 'because' },
      { type: 'resume', now: true },
      { type: 'setFilter', text: 'a' },
      { type: 'setFilter', text: 1, field: '' },
      { type: 'setFilter', text: 'x'.repeat(MAX_FILTER_LENGTH + 1), field: '' },
      { type: 'toggleShard', shardId: '', visible: true },
      { type: 'toggleShard', shardId: 's', visible: 'yes' },
      { type: 'export', requestId: 1, scope: 'everything', format: 'csv' },
      { type: 'export', requestId: 1, scope: 'all', format: 'xlsx' },
      { type: 'export', scope: 'all', format: 'csv' },
      { type: 'copy', what: 'partitionKey', id: 1 },
      { type: 'copy', what: 'payload', id: '1' },
      { type: 'openInEditor', id: -1 },
      { type: 'openInEditor', id: 1.5 },
      { type: 'openInEditor', id: Number.NaN },
      { type: 'openInEditor', id: Number.POSITIVE_INFINITY },
      { type: 'openInEditor', id: 2 ** 60 },
      { type: 'openInEditor', id: 1, path: '/etc/passwd' },
      { type: 'getPayload', id: 1 },
      { type: 'ready', lastSeenId: 41 },
      { type: 'find', text: 'a' },
      { type: 'find', text: '', field: 7 },
      { type: 'find', text: '', field: 'x'.repeat(MAX_FILTER_LENGTH + 1) },
      { type: 'find', text: '', field: '', from: 'TRIM_HORIZON' },
    ];
    for (const m of bad) assert.equal(isWebviewMessage(m), false, JSON.stringify(m));
  });
});

describe('tail protocol: parsePersistedState', () => {
  it('round-trips a saved state', () => {
    const state = {
      v: 1 as const, filterText: 'x', fieldFilter: '$.a == 1', hiddenShards: ['shardId-000000000002'], autoScroll: false,
      timeZone: 'utc' as const, lastSeenId: 12, positions: { 'shardId-000000000001': '49590338271490256608559692538361571095921575989136588898' },
      target: { connection: 'default', region: 'eu-west-1', stream: 'orders', shardIds: [], startPosition: 'LATEST' },
    };
    assert.deepEqual(parsePersistedState(JSON.parse(JSON.stringify(state))), state);
  });

  it('keeps an enhanced fan-out target\'s consumer (name, ARN, temporary) and drops a malformed one', () => {
    const base = { connection: 'default', region: 'eu-west-1', stream: 'orders', shardIds: [], startPosition: 'LATEST' };
    const efo = { ...base, efo: 'kinesis-explorer-jane-deadbeef', efoConsumerARN: 'arn:aws:kinesis:eu-west-1:1:stream/orders/consumer/kinesis-explorer-jane-deadbeef:1', efoTemporary: true };
    assert.deepEqual(parsePersistedState({ v: 1, target: efo })?.target, efo);
    assert.deepEqual(parsePersistedState({ v: 1, target: { ...efo, efo: 'bad name/x' } })?.target, base, 'a name a consumer cannot have: no enhanced fan-out part');
    assert.deepEqual(parsePersistedState({ v: 1, target: { ...efo, efoConsumerARN: 'not-an-arn', efoTemporary: 'yes' } })?.target, { ...base, efo: efo.efo });
    assert.deepEqual(parsePersistedState({ v: 1, target: { ...efo, secretAccessKey: 'x' } })?.target, efo, 'nothing else is kept');
  });

  it('drops what is malformed instead of trusting it', () => {
    assert.equal(parsePersistedState(null), undefined);
    assert.equal(parsePersistedState({ v: 2 }), undefined);
    const s = parsePersistedState({
      v: 1, filterText: 5, fieldFilter: 'y'.repeat(5000), hiddenShards: 'all', autoScroll: 'no', timeZone: 'mars', lastSeenId: -3,
      positions: { a: '123', b: '12e3', c: 7, d: '1'.repeat(129) }, target: { connection: 'c', stream: 1, shardIds: [], startPosition: 'LATEST' },
    });
    assert.deepEqual(s, { v: 1, filterText: '', fieldFilter: '', hiddenShards: [], autoScroll: true, timeZone: 'local', positions: { a: '123' } });
  });

  it('keeps the per-shard LATEST times a restored tail re-reads from, dropping bad ones', () => {
    const s = parsePersistedState({ v: 1, positions: {}, latestTimes: { a: 1_790_000_000_000, b: -1, c: 'soon', d: 1.5, e: Number.MAX_VALUE } });
    assert.deepEqual(s?.latestTimes, { a: 1_790_000_000_000 });
  });
});
