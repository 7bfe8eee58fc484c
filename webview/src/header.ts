// The panel header: what is tailed (stream, shards, start), one chip per shard with its state and
// MillisBehindLatest (a visibility toggle in stream tails), rates, totals and drops. Above
// CHIP_LIMIT shards, one grouped line with a details table instead (shardSummary.ts).
import { formatBytes, formatCount, formatLag, formatRate, makePreview, revealControls, shortenLongNumbers, shortShard } from '../../src/tail/shared/display';
import type { ShardStatus, StatusMessage, TailTarget } from '../../src/tail/shared/protocol';
import { describeFindProgress, describeShardFind } from '../../src/tail/shared/findProgress';
import { h, icon, setText, setTitle } from './dom';
import { CHIP_LIMIT, ShardSummary, STATE_LABEL } from './shardSummary';

export interface HeaderEvents {
  toggleShard(shardId: string, visible: boolean): void;
  /** The find line's Cancel (the same as the toolbar's Stop). */
  cancelFind(): void;
}

export interface BufferFigures {
  buffered: number;
  capacity: number;
  shown: number;
  filtered: boolean;
  /** The share of the ring a new filter has tested (1 once the shown count is final). */
  filtering: number;
  dropped: number;
}

/** The banner's note when the host says nothing: why no records arrive (or arrived). */
export function tailNote(s: { stopped: boolean; restoring: boolean; paused: boolean; pausedForFull: boolean; capacity: number }): string | undefined {
  if (s.stopped) return 'Stopped. The records stay here until you clear them.';
  if (s.restoring) return 'Restoring records…';
  if (s.paused && s.pausedForFull) return `Buffer full (${formatCount(s.capacity)} records): paused. Clear or resume to go on.`;
  if (s.paused) return 'Paused: the reader waits and nothing is dropped.';
  return undefined;
}

export class Header {
  readonly el = h('header', 'panel-header');
  private readonly title = h('div', 'title-line');
  private readonly chips = h('div', 'chips');
  private readonly summary: ShardSummary;
  private readonly stats = h('div', 'stats');
  private readonly banner = h('div', 'banner');
  /** Find in Stream: the overall progress, ETA and (at the end) the stop reason. */
  private readonly findLine = h('div', 'find-progress');
  private readonly findText = h('span', 'find-text');
  private readonly findCancel = h('button', 'find-cancel', 'Cancel');
  private readonly bannerIcon = icon('info');
  private readonly bannerText = h('span', 'banner-text');
  private readonly chipEls = new Map<string, HTMLButtonElement>();
  /** Hover text per chip; record-derived text goes only into textContent and title. */
  private readonly details = new WeakMap<HTMLElement, string>();
  private hidden = new Set<string>();
  private streamTail = false;
  private status: StatusMessage | undefined;

  constructor(private readonly events: HeaderEvents) {
    this.banner.hidden = true;
    this.banner.append(this.bannerIcon, this.bannerText);
    this.banner.setAttribute('role', 'status');
    this.chips.setAttribute('aria-label', 'Shards');
    this.summary = new ShardSummary((id, visible) => this.events.toggleShard(id, visible));
    this.findLine.hidden = true;
    this.findLine.setAttribute('role', 'status');
    this.findCancel.type = 'button';
    this.findCancel.title = 'Cancel this find: the matches so far stay, marked incomplete';
    this.findCancel.hidden = true;
    this.findCancel.addEventListener('click', () => this.events.cancelFind());
    this.findLine.append(this.findText, this.findCancel);
    this.el.append(this.title, this.chips, this.summary.el, this.stats, this.findLine, this.banner);
    this.chips.addEventListener('click', (e) => {
      const chip = e.target instanceof Element ? e.target.closest<HTMLElement>('.chip') : null;
      const shardId = chip ? [...this.chipEls].find(([, el]) => el === chip)?.[0] : undefined;
      if (shardId === undefined || !this.streamTail) return;
      this.events.toggleShard(shardId, this.hidden.has(shardId));
    });
  }

  setTarget(target: TailTarget, streamTail: boolean, reorderWindowMs = 0): void {
    this.streamTail = streamTail;
    const line = (s: string): string => makePreview(s, 300);
    const parts: HTMLElement[] = [h('span', 'stream-name', line(target.stream))];
    const shards = target.shardIds.length === 0 ? 'all shards' : target.shardIds.map(shortShard).join(', ');
    const position = h('span', 'title-part', line(shortenLongNumbers(target.startPosition)));
    setTitle(position, `Starting position: ${revealControls(target.startPosition)}`);
    parts.push(h('span', 'title-part', line(shards)), position);
    if (target.efo !== undefined) {
      const efo = h('span', 'title-part efo', 'EFO');
      setTitle(efo, `Enhanced fan-out (SubscribeToShard) with consumer ${revealControls(makePreview(target.efo, 200))}`);
      parts.push(efo);
    }
    parts.push(h('span', 'title-part dim', line((target.connectionName ?? target.connection) + (target.region ? ` · ${target.region}` : ''))));
    if (reorderWindowMs > 0) {
      const order = h('span', 'title-part dim time-order', `in arrival order (${formatSeconds(reorderWindowMs)} window)`);
      setTitle(order, `Records of all shards are merged by arrival time: each is held up to ${formatSeconds(reorderWindowMs)} so that a slower shard's records slot into place. A shard's own order is never changed.`);
      parts.push(order);
    }
    this.title.replaceChildren(...parts);
    setTitle(this.title, revealControls(`${target.stream} · ${target.shardIds.join(', ') || 'all shards'} · ${target.startPosition}`));
    this.el.classList.toggle('stream-tail', streamTail);
  }

  setHiddenShards(hidden: ReadonlySet<string>): void {
    this.hidden = new Set(hidden);
    for (const [id, chip] of this.chipEls) this.paintVisibility(id, chip);
    if (this.status && !this.summary.el.hidden) this.summary.update(this.status.shards, this.hidden, this.streamTail, true);
  }

  setStatus(status: StatusMessage): void {
    this.status = status;
    const grouped = status.shards.length > CHIP_LIMIT;
    if (grouped) this.summary.update(status.shards, this.hidden, this.streamTail);
    else this.summary.hide();
    const seen = new Set<string>();
    for (const s of grouped ? [] : status.shards) {
      seen.add(s.shardId);
      let chip = this.chipEls.get(s.shardId);
      if (!chip) {
        chip = this.newChip();
        this.chipEls.set(s.shardId, chip);
        this.chips.append(chip);
      }
      this.paintChip(chip, s);
    }
    for (const [id, chip] of this.chipEls) {
      if (!seen.has(id)) { chip.remove(); this.chipEls.delete(id); }
    }
    const find = status.find;
    this.findLine.hidden = find === undefined;
    if (find) {
      // Figures only: the stop reason is the banner's, said once.
      setText(this.findText, makePreview(revealControls(`Find ${find.range.replace(/^Find /, '')}: ${describeFindProgress(find)}`), 600));
      setTitle(this.findText, revealControls(find.shards.map(describeShardFind).join('\n')));
      const running = find.stop === undefined && !status.stopped;
      if (this.findCancel.hidden === running) this.findCancel.hidden = !running;
    }
  }

  /** Rates and totals from the last status, buffer figures from the store. */
  renderStats(buffer: BufferFigures, note: string | undefined): void {
    const st = this.status;
    const sum = (f: (s: ShardStatus) => number): number => (st ? st.shards.reduce((a, s) => a + f(s), 0) : 0);
    const parts = [
      `${formatRate(sum((s) => s.recordsPerSecond))} rec/s`,
      `${formatBytes(sum((s) => s.bytesPerSecond))}/s`,
      `${formatCount(sum((s) => s.totalRecords))} read (${formatBytes(sum((s) => s.totalBytes))})`,
      `${formatCount(buffer.buffered)} / ${formatCount(buffer.capacity)} buffered`,
    ];
    if (buffer.filtered) parts.push(`${formatCount(buffer.shown)} shown${buffer.filtering < 1 ? ` (filtering, ${Math.floor(buffer.filtering * 100)}%)` : ''}`);
    const dropped = Math.max(buffer.dropped, st?.droppedByHost ?? 0);
    if (dropped > 0) parts.push(`${formatCount(dropped)} dropped`);
    setText(this.stats, parts.join('  ·  '));
    this.stats.classList.toggle('has-drops', dropped > 0);
    // The host's reason (an AWS error, stream deleted) says more than "Stopped".
    const banner = st?.message ?? note;
    const isError = st?.message !== undefined && st.severity === 'error';
    if (this.banner.hidden !== (banner === undefined)) this.banner.hidden = banner === undefined;
    this.banner.classList.toggle('banner-error', isError);
    this.banner.setAttribute('role', isError ? 'alert' : 'status');
    this.bannerIcon.className = `codicon codicon-${isError ? 'error' : 'info'}`;
    setText(this.bannerText, banner === undefined ? '' : makePreview(revealControls(banner), 600));
  }

  private newChip(): HTMLButtonElement {
    const chip = h('button', 'chip');
    chip.type = 'button';
    chip.append(h('span', 'chip-dot'), h('span', 'chip-name'), h('span', 'chip-state'), h('span', 'chip-lag'));
    return chip;
  }

  private paintChip(chip: HTMLButtonElement, s: ShardStatus): void {
    const [, name, state, lag] = Array.from(chip.children) as HTMLElement[];
    const label = s.state === 'retrying' && s.attempt ? `retrying (${s.attempt})` : STATE_LABEL[s.state] ?? String(s.state);
    chip.dataset.state = Object.prototype.hasOwnProperty.call(STATE_LABEL, s.state) ? s.state : 'error';
    setText(name, makePreview(shortShard(s.shardId), 40));
    setText(state, label);
    const found = this.status?.find?.shards.find((f) => f.shardId === s.shardId);
    if (found) setText(lag, `${Math.floor(found.percent)}% · ${formatCount(found.matches)} found`);
    else setText(lag, s.millisBehindLatest === undefined ? '' : `${formatLag(s.millisBehindLatest)} behind`);
    const detail = [
      revealControls(s.shardId), label,
      s.millisBehindLatest === undefined ? '' : `MillisBehindLatest ${formatCount(s.millisBehindLatest)}`,
      `${formatRate(s.recordsPerSecond)} rec/s, ${formatBytes(s.bytesPerSecond)}/s`,
      `${formatCount(s.totalRecords)} records (${formatBytes(s.totalBytes)})`,
      s.message ? revealControls(s.message) : '',
    ].filter((x) => x !== '');
    this.details.set(chip, detail.join('\n'));
    this.paintVisibility(s.shardId, chip);
  }

  private paintVisibility(shardId: string, chip: HTMLButtonElement): void {
    const hidden = this.hidden.has(shardId);
    chip.classList.toggle('shard-hidden', hidden);
    // Not `disabled`: a disabled button would lose its hover text in shard tails.
    chip.classList.toggle('static', !this.streamTail);
    chip.tabIndex = this.streamTail ? 0 : -1;
    if (this.streamTail) chip.setAttribute('aria-pressed', String(!hidden));
    const hint = this.streamTail ? `\nClick to ${hidden ? 'show' : 'hide'} this shard's records.` : '';
    setTitle(chip, (this.details.get(chip) ?? '') + hint);
  }
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
