// Journey: a newcomer's `npm start`. Runs it as a user does (with PORT), opens the URL it prints
// in Chromium, sees the demo streams in the Kinesis view, tails demo-iot-sensors from LATEST and
// watches live records arrive, puts 10 records from the sample producer document with its
// CodeLens and tails them from there; then Ctrl-C (SIGINT to the process group) must leave no
// code-server, kinesis-local or producer process behind. The screenshots feed README.md.
import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../harness/browser';
import { projectRoot } from '../harness/hostTools';
import { freePort } from '../harness/ports';
import { eventually } from '../support/eventually';
import { contextMenu, expand, openKinesisView, treeRow } from './tree';
import { readWith } from './journeySteps';
import { resultsDir } from './workbench';

const CONNECTION = 'Playground (kinesis-local)';

/** PIDs of live processes whose environment carries `mark` (every process `npm start` started). */
function processesWith(mark: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (readFileSync(join('/proc', entry, 'environ'), 'latin1').includes(mark)) found.push(Number(entry));
    } catch {
      // The process ended while we looked, or is not ours to read.
    }
  }
  return found;
}

describe('journey: the playground (npm start)', function () {
  this.timeout(600_000);
  const mark = `KINESIS_PLAYGROUND_RUN=${randomUUID()}`;
  let child: ChildProcess | undefined;
  let browser: Browser | undefined;
  let output = '';

  after(async () => {
    await browser?.close().catch(() => undefined);
    // Whatever a failed run left behind; after a passing run there is nothing left to kill.
    const kill = (pid: number) => {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    };
    if (child?.pid !== undefined) kill(-child.pid);
    for (const pid of processesWith(mark)) kill(pid);
  });

  it('npm start prints a URL; the workbench shows the demo streams and a live tail; Ctrl-C leaves nothing running', async () => {
    const port = await freePort();
    const [markName, markValue] = mark.split('=') as [string, string];
    child = spawn('npm', ['start'], {
      cwd: projectRoot,
      detached: true, // its own process group, as a terminal gives it, so SIGINT reaches every member
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        PORT: String(port),
        [markName]: markValue,
        // Only the playground's connection in the tree, whatever this machine's AWS files hold.
        AWS_CONFIG_FILE: '/nonexistent/kinesis-playground/config',
        AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/kinesis-playground/credentials',
        AWS_PROFILE: '',
        AWS_ACCESS_KEY_ID: '',
      },
    });
    const keep = (b: Buffer) => {
      output += b.toString();
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const exited = new Promise<number | null>((resolve) => child?.once('exit', (code) => resolve(code)));

    const url = await eventually(() => {
      if (child?.exitCode !== null) throw new Error(`npm start exited with ${child?.exitCode}:\n${output}`);
      return new RegExp(`http://127\\.0\\.0\\.1:${port}/\\S*`).exec(output)?.[0];
    }, 'npm start to print its URL', { timeoutMs: 420_000 });
    assert.match(output, /demo-iot-sensors/);

    browser = await launchChromium();
    const page: Page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 120_000 });
    await openKinesisView(page);
    // A wider side bar, so the stream descriptions (status, mode, shards) read in full.
    const box = await page.locator('.part.sidebar').boundingBox();
    if (box) {
      const edge = { x: box.x + box.width + 1, y: box.y + box.height / 2 };
      await page.mouse.move(edge.x, edge.y);
      await page.mouse.down();
      await page.mouse.move(edge.x + 160, edge.y, { steps: 8 });
      await page.mouse.up();
    }
    await expand(page, CONNECTION, 'demo-iot-sensors');
    await treeRow(page, 'demo-orders-kpl').waitFor();
    const sidebar = await page.locator('.part.sidebar').boundingBox();
    await page.screenshot({ path: join(resultsDir, 'playground-01-explorer.png'), clip: { x: 0, y: 0, width: (sidebar?.x ?? 0) + (sidebar?.width ?? 1400), height: 240 } });

    const input = page.locator('.quick-input-widget input');
    await contextMenu(page, 'demo-iot-sensors', 'Tail Stream…', input);
    await input.fill('LATEST');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'LATEST' }).first().click();
    await readWith(page, 'Polling (GetRecords)');
    const frame = page.frameLocator('iframe.webview').last().frameLocator('iframe');
    // Starting at LATEST, every row is a record the producer wrote after the tail began: live.
    await frame.locator('.rows .row:visible', { hasText: 'sensor-' }).first().waitFor({ timeout: 60_000 });
    // The table is virtual (a fixed number of row elements), so count what the header says is buffered.
    const buffered = async () => Number(/([\d,]+) \/ [\d,]+ buffered/.exec(await frame.locator('.panel-header .stats').innerText())?.[1]?.replace(/,/g, '') ?? 0);
    const first = await eventually(buffered, 'a buffered count');
    await eventually(async () => (await buffered()) > first, 'more live records to arrive');
    await frame.locator('.rows .row:visible').first().click();
    await page.keyboard.press('Enter');
    await frame.locator('.detail:visible').first().waitFor({ timeout: 15_000 });
    await page.screenshot({ path: join(resultsDir, 'playground-02-live-tail.png') });

    // The other decoders, from the start of their streams: CloudWatch Logs envelopes and KPL aggregates.
    const others = [
      // Each log event is its own row (the Lambda form's JSON parsed).
      { stream: 'demo-lambda-logs', badge: 'CWL', text: 'payment', shot: 'playground-03-cloudwatch-logs' },
      { stream: 'demo-orders-kpl', badge: 'KPL', text: 'order_id', shot: 'playground-04-kpl' },
    ];
    for (const { stream, badge, text, shot } of others) {
      await contextMenu(page, stream, 'Tail Stream…', input);
      await input.fill('TRIM_HORIZON');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'TRIM_HORIZON' }).first().click();
      await readWith(page, 'Polling (GetRecords)');
      const panel = page.frameLocator('iframe.webview').last().frameLocator('iframe');
      await panel.locator('.panel-header', { hasText: stream }).waitFor({ timeout: 60_000 });
      const row = panel.locator('.rows .row:visible', { hasText: text, has: panel.locator('.c-badges', { hasText: badge }) }).first();
      await row.waitFor({ timeout: 60_000 });
      await row.click();
      await page.keyboard.press('Enter');
      await panel.locator('.detail:visible').first().waitFor({ timeout: 15_000 });
      await page.screenshot({ path: join(resultsDir, `${shot}.png`) });
    }

    // Find in Stream on the demo stream: the last 5 minutes of demo-iot-sensors, $.status == "WARN".
    const answer = async (title: string, text: string, row?: string): Promise<void> => {
      await page.locator('.quick-input-widget .quick-input-title', { hasText: title }).waitFor({ timeout: 30_000 });
      if (row) await page.locator('.quick-input-list .monaco-list-row', { hasText: row }).first().click();
      else {
        await input.fill(text);
        await page.keyboard.press('Enter');
      }
    };
    await contextMenu(page, 'demo-iot-sensors', 'Find in Stream…', input);
    await answer('Find in Stream', '', 'All shards');
    await answer('Find in Stream: from', '', 'From a time');
    // The pick gives way to an input box with the same title: type only once the list is gone.
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'From a time' }).first().waitFor({ state: 'hidden' });
    await answer('Find in Stream: from', '-5m');
    await answer('Find in Stream: to', '', 'To now');
    await page.locator('.quick-input-widget', { hasText: 'text filter' }).waitFor({ timeout: 30_000 });
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget', { hasText: 'field filter' }).waitFor({ timeout: 30_000 });
    await input.fill('$.status == "WARN"');
    await page.keyboard.press('Enter');
    const found = page.frameLocator('iframe.webview').last().frameLocator('iframe');
    await found.locator('.panel-header .banner', { hasText: 'Range done' }).waitFor({ timeout: 120_000 });
    await found.locator('.histogram-canvas').waitFor({ timeout: 15_000 });
    // The preview is cut before `status`: open the first match and read it there.
    await found.locator('.rows .row:visible').first().click();
    await page.keyboard.press('Enter');
    await found.locator('.detail:visible', { hasText: 'WARN' }).first().waitFor({ timeout: 15_000 });
    assert.match(await found.locator('.panel-header').innerText(), /[1-9][\d,]* match/, 'the find kept matches');
    await page.screenshot({ path: join(resultsDir, 'playground-08-find.png') });

    // The sample producer document: "Put × 10" above its first block, the inline result under the
    // PUT line, then "Tail stream" from its CodeLens shows the 10 records, decoded.
    await page.keyboard.press('Control+P');
    const quickOpen = page.locator('.quick-input-widget input');
    await quickOpen.fill('orders.kinesis');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'orders.kinesis' }).first().click();
    const lens = (text: string | RegExp) => page.locator('.monaco-editor .codelens-decoration a', { hasText: text }).first();
    await lens('Put × 10').waitFor({ timeout: 60_000 });
    await page.screenshot({ path: join(resultsDir, 'playground-05-producer-doc.png') });
    await lens('Put × 10').click();
    await lens(/^✓ 10 records/).waitFor({ timeout: 60_000 });
    await page.screenshot({ path: join(resultsDir, 'playground-06-producer-result.png') });
    await lens('Tail stream').click();
    await input.waitFor({ timeout: 30_000 });
    await input.fill('TRIM_HORIZON');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'TRIM_HORIZON' }).first().click();
    await readWith(page, 'Polling (GetRecords)');
    const orders = page.frameLocator('iframe.webview').last().frameLocator('iframe');
    await orders.locator('.panel-header', { hasText: 'demo-clickstream' }).waitFor({ timeout: 60_000 });
    await orders.locator('.text-filter input').fill('order_created');
    await orders.locator('.panel-header .stats', { hasText: /\b10 shown\b/ }).waitFor({ timeout: 60_000 });
    const row = orders.locator('.rows .row:visible', { hasText: 'order_created' }).first();
    await row.click();
    await page.keyboard.press('Enter');
    await orders.locator('.detail:visible', { hasText: 'orderId' }).first().waitFor({ timeout: 15_000 });
    await page.screenshot({ path: join(resultsDir, 'playground-07-producer-tail.png') });

    // Ctrl-C in the terminal: SIGINT to the whole foreground process group.
    assert.ok(child.pid !== undefined);
    process.kill(-child.pid, 'SIGINT');
    await exited;
    await eventually(() => processesWith(mark).length === 0, 'every process npm start started to end', { timeoutMs: 60_000 });
    assert.match(output, /\[playground\] stopped\./, `the playground says it stopped:\n${output.slice(-2000)}`);
  });
});
