// Asks what Find in Stream searches: from (TRIM_HORIZON, a time or a relative time), to (now, a
// time or a relative time), a text filter and a field expression (checked as the user types,
// compiled through the panel's filter so both speak the same language).
import type { StartPosition } from '../../kinesis/tail/position';
import type { ReadEnd } from '../../kinesis/tail/rangeEnd';
import { parseTimestamp } from '../../kinesis/tail/timestamp';
import { askParsed, Cancelled, InputProblem, type Prompts } from '../../ui/prompts';
import { compileFindFilter, FIND_LABEL } from './findScan';

export interface FindAnswers {
  position: StartPosition;
  /** Start of the range (ms); undefined for TRIM_HORIZON. */
  fromMs?: number;
  end: ReadEnd;
  /** End of the range (ms): for "now", the time the answers were given. */
  untilMs: number;
  text: string;
  field: string;
  /** "Find -5m → now · $.status == \"WARN\"": the panel's position label. */
  label: string;
}

const TIME_PROMPT = 'A relative time (-5m, -2h, -1d), a local date-time (2026-11-23 10:00), or an ISO-8601 instant';

async function askTime(prompts: Prompts, title: string, now: () => number, placeHolder: string): Promise<{ date: Date; typed: string }> {
  let typed = '';
  const date = await askParsed(prompts, { title, prompt: TIME_PROMPT, placeHolder }, (text) => {
    typed = text.trim();
    const r = parseTimestamp(text, now());
    return r.ok ? { ok: true, value: r.date } : r;
  });
  return { date, typed };
}

export async function promptFind(prompts: Prompts, title: string, now: () => number = Date.now): Promise<FindAnswers> {
  const from = await prompts.pick([
    { label: '$(calendar) From a time…', description: '-5m, -2h, 2026-11-23 10:00, or an ISO-8601 instant', value: 'time' as const },
    { label: '$(history) From TRIM_HORIZON', description: 'the oldest record still in retention', value: 'trim' as const },
  ], { title: `${title}: from`, placeHolder: 'Where does the search start?' });
  if (!from) throw new Cancelled();
  const start = from === 'time' ? await askTime(prompts, `${title}: from`, now, '-5m') : undefined;

  const to = await prompts.pick([
    { label: '$(watch) To now', description: 'each shard stops once it has caught up with the time the search starts', value: 'now' as const },
    { label: '$(calendar) To a time…', description: '-1m, 2026-11-23 11:00, or an ISO-8601 instant', value: 'time' as const },
  ], { title: `${title}: to`, placeHolder: 'Where does the search end?' });
  if (!to) throw new Cancelled();
  const stop = to === 'time' ? await askTime(prompts, `${title}: to`, now, '-1m') : undefined;
  if (start && stop && stop.date.getTime() <= start.date.getTime()) throw new InputProblem(`The end of the range (${stop.typed}) must be after its start (${start.typed}).`);

  const text = await prompts.input({ title: `${title}: text filter`, prompt: 'Text that payload or partition key contains (case-insensitive); leave empty for none', placeHolder: 'order-42' });
  if (text === undefined) throw new Cancelled();
  const field = await askParsed(prompts, {
    title: `${title}: field filter`,
    prompt: 'A field expression over the JSON payload, e.g. $.status == "WARN" or temperature > 75; leave empty for none',
    placeHolder: '$.status == "WARN"',
  }, (v) => {
    const compiled = compileFindFilter('', v);
    return compiled.ok ? { ok: true, value: v.trim() } : { ok: false, error: `At ${compiled.error.position + 1}: ${compiled.error.message}` };
  });
  if (text.trim() === '' && field === '') throw new InputProblem('Give a text filter or a field filter: a find without a filter would keep every record.');

  const untilMs = stop?.date.getTime() ?? now();
  const filters = [text.trim() === '' ? '' : `"${text.trim()}"`, field].filter((f) => f !== '').join(' and ');
  return {
    position: start ? { type: 'AT_TIMESTAMP', timestamp: start.date } : { type: 'TRIM_HORIZON' },
    ...(start ? { fromMs: start.date.getTime() } : {}),
    end: stop ? { type: 'AT_TIMESTAMP', timestamp: stop.date } : { type: 'NOW' },
    untilMs,
    text: text.trim(),
    field,
    label: `${FIND_LABEL}${start?.typed ?? 'TRIM_HORIZON'} → ${stop?.typed ?? 'now'} · ${filters}`,
  };
}
