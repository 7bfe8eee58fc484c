// Drives the tail panel in headless Chromium: opens the test page with the stand-in VS Code API,
// posts host messages, reads what the panel posted, and collects errors, dialogs and CSP reports.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { HostToWebview, InitMessage, PersistedState, RecordRow, StatusMessage, WebviewToHost } from '../../../src/tail/shared/protocol';
import type { PanelServer } from './server';
import { STAND_IN_SCRIPT } from './standIn';
import type { ThemeName } from './themes';

export interface ProbeRow { id: number; top: number; height: number; width: number; text: string; selected: boolean; expanded: boolean }
export interface ProbeLayout {
  docScrollWidth: number; docClientWidth: number; bodyScrollHeight: number; windowHeight: number;
  viewportScrollWidth: number; viewportClientWidth: number; maxCellRight: number; maxCellHeight: number; tallestCell: string;
}

/** The page-side globals that STAND_IN_SCRIPT defines. */
export interface PageGlobals {
  __send(m: unknown): void;
  __sendCopies(template: RecordRow[], firstId: number, count: number, batch: number): void;
  __setPayload(id: number, p: { body?: string; rawBase64?: string; rawSize?: number }): void;
  __posted: WebviewToHost[];
  __violations: Array<{ directive: string; blocked: string; sample: string }>;
  __state?: unknown;
  __saves: number;
  __pwned?: unknown;
  __probe: {
    rows(): ProbeRow[];
    rowElementCount(): number;
    nodeCount(): number;
    layout(): ProbeLayout;
    text(selector: string): string | null;
    allText(selector: string): string[];
    injected(): number;
    scrollViewport(top: number): number;
    viewportMetrics(): { scrollTop: number; scrollHeight: number; clientHeight: number };
    frames(n: number): Promise<number>;
  };
}

export function initMessage(o: Partial<InitMessage['settings']> & { streamTail?: boolean; shardIds?: string[] } = {}): InitMessage {
  return {
    type: 'init',
    target: { connection: 'kinesis-local', region: 'us-east-1', stream: 'orders', shardIds: o.shardIds ?? [], startPosition: 'TRIM_HORIZON' },
    streamTail: o.streamTail ?? true,
    settings: {
      maxRecords: o.maxRecords ?? 100_000, timeZone: o.timeZone ?? 'utc',
      autoScroll: o.autoScroll ?? true, autoPauseWhenFull: o.autoPauseWhenFull ?? false,
    },
  };
}

export function statusMessage(shards: number, o: Partial<StatusMessage> = {}): StatusMessage {
  return {
    type: 'status', paused: false, stopped: false, droppedByHost: 0,
    shards: Array.from({ length: shards }, (_, i) => ({
      shardId: `shardId-${String(i).padStart(12, '0')}`,
      state: i === 1 ? 'caught-up' : i === 2 ? 'throttled' : 'reading',
      millisBehindLatest: i === 1 ? 0 : 1200 * (i + 1),
      recordsPerSecond: 250 + i, bytesPerSecond: 50_000, totalRecords: 12_000 + i, totalBytes: 2_400_000,
    })),
    ...o,
  };
}

export class PanelPage {
  readonly consoleErrors: string[] = [];
  readonly pageErrors: string[] = [];
  readonly dialogs: string[] = [];

  private constructor(readonly context: BrowserContext, readonly page: Page) {
    page.on('console', (m) => { if (m.type() === 'error') this.consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => this.pageErrors.push(String(e)));
    page.on('dialog', (d) => {
      this.dialogs.push(d.message());
      void d.dismiss();
    });
  }

  static async open(browser: Browser, server: PanelServer, o: { theme?: ThemeName; state?: PersistedState; width?: number; height?: number } = {}): Promise<PanelPage> {
    const context = await browser.newContext({ viewport: { width: o.width ?? 1200, height: o.height ?? 720 } });
    await context.addInitScript({ content: `window.__initialState = ${JSON.stringify(o.state ?? null)};` });
    await context.addInitScript({ content: STAND_IN_SCRIPT });
    const page = await context.newPage();
    const panel = new PanelPage(context, page);
    await page.goto(server.url(o.theme ?? 'dark'));
    await page.waitForFunction(() => (globalThis as unknown as PageGlobals).__posted.length > 0);
    return panel;
  }

  async send(...messages: HostToWebview[]): Promise<void> {
    for (const m of messages) await this.page.evaluate((msg) => (globalThis as unknown as PageGlobals).__send(msg), m);
    await this.frames(2);
  }

  /** Posts `count` rows cloned in the page from `template` (ids from firstId on), `batch` per message. */
  async sendCopies(template: RecordRow[], firstId: number, count: number, batch = 1000): Promise<void> {
    await this.page.evaluate(([t, f, c, b]) => (globalThis as unknown as PageGlobals).__sendCopies(t, f, c, b), [template, firstId, count, batch] as const);
    await this.frames(2);
  }

  /** Lets the panel run its message handlers and render (two animation frames). */
  async frames(n = 2): Promise<void> {
    await this.page.evaluate((k) => (globalThis as unknown as PageGlobals).__probe.frames(k), n);
  }

  posted(): Promise<WebviewToHost[]> {
    return this.page.evaluate(() => (globalThis as unknown as PageGlobals).__posted);
  }

  async postedOfType<T extends WebviewToHost['type']>(type: T): Promise<Array<Extract<WebviewToHost, { type: T }>>> {
    return (await this.posted()).filter((m): m is Extract<WebviewToHost, { type: T }> => m.type === type);
  }

  /** Waits until the panel has posted a message of this type (e.g. after a debounce). */
  async waitForPosted(type: WebviewToHost['type'], count = 1): Promise<void> {
    await this.page.waitForFunction(([t, n]) => (globalThis as unknown as PageGlobals).__posted.filter((m) => m.type === t).length >= n, [type, count] as const);
  }

  /** Registers what the stand-in host answers to getPayload for this record. */
  async setPayload(id: number, p: { body?: string; rawBase64?: string; rawSize?: number; original?: string }): Promise<void> {
    await this.page.evaluate(([i, payload]) => (globalThis as unknown as PageGlobals).__setPayload(i, payload), [id, p] as const);
  }

  rows(): Promise<ProbeRow[]> { return this.page.evaluate(() => (globalThis as unknown as PageGlobals).__probe.rows()); }
  layout(): Promise<ProbeLayout> { return this.page.evaluate(() => (globalThis as unknown as PageGlobals).__probe.layout()); }
  text(selector: string): Promise<string | null> { return this.page.evaluate((s) => (globalThis as unknown as PageGlobals).__probe.text(s), selector); }
  allText(selector: string): Promise<string[]> { return this.page.evaluate((s) => (globalThis as unknown as PageGlobals).__probe.allText(s), selector); }
  violations(): Promise<PageGlobals['__violations']> { return this.page.evaluate(() => (globalThis as unknown as PageGlobals).__violations); }

  close(): Promise<void> { return this.context.close(); }
}
