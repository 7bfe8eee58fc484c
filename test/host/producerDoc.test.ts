// Producer documents inside real VS Code: a .kinesis file on disk gets the kinesis language,
// diagnostics at exact ranges (the unknown-stream one once the stream list is read), CodeLens
// naming the connection, template completion, and "Put × 10" writing 10 records to kinesis-local.
import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ProducerRunResult } from '../../src/producerDoc/run';
import { eventually } from '../support/eventually';
import { CONNECTION, REGION, countRecords, setUpCommands, type CommandFixture } from './commandFixture';
import { ScriptedPrompts } from './scriptedPrompts';

describe('producer documents (inside real VS Code)', function () {
  this.timeout(90_000);
  let fx: CommandFixture;
  let stream = '';
  let uri: vscode.Uri;

  before(async function () {
    fx = await setUpCommands(this);
    stream = `host-pd-${fx.suffix}`;
    await fx.createStream(stream, 2);
    const dir = mkdtempSync(join(tmpdir(), 'kinesis-pd-'));
    const file = join(dir, 'orders.kinesis');
    writeFileSync(file, [
      `# @connection ${CONNECTION}`, // 0
      `# @region ${REGION}`, // 1
      '', // 2
      '### Order', // 3
      `PUT ${stream}`, // 4
      'Partition-Key: order-{{int 1 5}}', // 5
      '', // 6
      '{"seq": {{seq}}, "id": "{{uuid}}"}', // 7
      '', // 8
      '### Broken', // 9
      'PUT no-such-stream', // 10
      '', // 11
      '{"a" 1}', // 12
      '',
    ].join('\n'));
    uri = vscode.Uri.file(file);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await fx?.dispose();
  });

  it('opens as the kinesis language with diagnostics at exact ranges', async () => {
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'kinesis');
    const diagnostics = await eventually(() => {
      const d = vscode.languages.getDiagnostics(uri);
      return d.length === 2 && d;
    }, 'the JSON error and the unknown stream');
    const shown = diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.severity]);
    assert.deepEqual(shown, [[10, 4, 10, 18, vscode.DiagnosticSeverity.Warning], [12, 5, 12, 6, vscode.DiagnosticSeverity.Error]]);
    assert.match(diagnostics[0]?.message ?? '', /No stream named no-such-stream in Cmd Emulator · us-east-1/);
  });

  it('shows CodeLens with the connection from the file header and completes template functions', async () => {
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100);
    const titles = lenses.map((l) => l.command?.title ?? '');
    assert.ok(titles.includes(`$(plug) ${CONNECTION} · ${REGION} (file header)`), titles.join(' | '));
    assert.ok(titles.includes('$(run-all) Put all blocks'));
    assert.deepEqual(lenses.filter((l) => l.range.start.line === 4).map((l) => l.command?.title), ['$(play) Put', 'Put × 10', '$(eye) Tail stream']);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(7, 10));
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const name of ['uuid', 'seq', 'now', 'int', 'pick', 'email', 'userAgent']) assert.ok(labels.includes(name), name);
  });

  it('"Put × 10" sends 10 records and shows the result under the block', async () => {
    const result = await fx.run<ProducerRunResult>('kinesis.producerDoc.put', new ScriptedPrompts(), uri, 0, 10);
    assert.equal(result.status, 'completed', result.message);
    assert.deepEqual([result.report.sent, result.report.failed, result.report.notSent], [10, 0, 0]);
    assert.match(result.line, /^✓ 10 records · shards? [\d,]+ · 0 failed$/);
    await eventually(async () => (await countRecords(fx.client, stream)) === 10, '10 records in the stream');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100);
    assert.ok(lenses.some((l) => l.range.start.line === 4 && l.command?.title === result.line));
  });

  it('refuses a block with errors before any call, naming the line', async () => {
    const result = await fx.run<ProducerRunResult>('kinesis.producerDoc.put', new ScriptedPrompts(), uri, 1, 1);
    assert.equal(result.status, 'invalid');
    assert.match(result.message ?? '', /fix line 13 first\. Invalid JSON/);
  });
});
