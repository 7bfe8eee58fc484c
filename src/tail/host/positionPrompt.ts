// Asks where a tail starts: LATEST, TRIM_HORIZON, at/after a sequence number (one shard only),
// or at a timestamp; each input box validates as the user types.
import { parseTimestamp } from '../../kinesis/tail/timestamp';
import { validateSequenceNumber, type StartPosition } from '../../kinesis/tail/position';
import { askParsed, Cancelled, InputProblem, type Prompts } from '../../ui/prompts';

type Choice = StartPosition['type'];

export interface StartPositionPromptOptions {
  title: string;
  singleShard: boolean;
  now?: () => Date;
  /**
   * Checks a sequence number against the shard (GetShardIterator with it); resolves the message
   * to show in the input box when it belongs to no record, else undefined.
   */
  checkSequence?: (position: StartPosition) => Promise<string | undefined>;
}

export async function promptStartPosition(prompts: Prompts, opts: StartPositionPromptOptions): Promise<StartPosition> {
  const items = [
    { label: '$(debug-step-over) LATEST', description: 'only records written from now on', value: 'LATEST' as Choice },
    { label: '$(history) TRIM_HORIZON', description: 'the oldest record still in retention', value: 'TRIM_HORIZON' as Choice },
    { label: '$(calendar) AT_TIMESTAMP…', description: 'e.g. -15m, -2h, 2026-11-23 10:00, or an ISO-8601 instant', value: 'AT_TIMESTAMP' as Choice },
    ...(opts.singleShard
      ? [
          { label: '$(symbol-number) AT_SEQUENCE_NUMBER…', description: 'this record and those after it', value: 'AT_SEQUENCE_NUMBER' as Choice },
          { label: '$(symbol-number) AFTER_SEQUENCE_NUMBER…', description: 'the records after this one', value: 'AFTER_SEQUENCE_NUMBER' as Choice },
        ]
      : []),
  ];
  const choice = await prompts.pick(items, { title: `${opts.title}: starting position`, placeHolder: 'Where should the tail start?' });
  if (!choice) throw new Cancelled();
  if (choice === 'LATEST' || choice === 'TRIM_HORIZON') return { type: choice };

  if (choice === 'AT_TIMESTAMP') {
    const now = opts.now ?? (() => new Date());
    const timestamp = await askParsed(prompts, {
      title: `${opts.title}: AT_TIMESTAMP`,
      prompt: 'A relative time (-15m, -2h, -1d), a local date-time (2026-11-23 10:00), or an ISO-8601 instant',
      placeHolder: '-15m',
    }, (text) => {
      const r = parseTimestamp(text, now());
      return r.ok ? { ok: true, value: r.date } : r;
    });
    return { type: 'AT_TIMESTAMP', timestamp };
  }

  // The shard's answer comes after Enter; the box opens again with the value and that answer
  // as its validation message until the number is accepted or the user cancels.
  let refused: { value: string; error: string } | undefined;
  for (;;) {
    const value = await prompts.input({
      title: `${opts.title}: ${choice}`,
      prompt: 'The sequence number (decimal digits, up to 128)',
      ...(refused ? { value: refused.value } : {}),
      validate: (v) => {
        if (refused && v === refused.value) return refused.error;
        const r = validateSequenceNumber(v.trim());
        return r.ok ? undefined : r.error;
      },
    });
    if (value === undefined) throw new Cancelled();
    const seq = validateSequenceNumber(value.trim());
    if (!seq.ok) throw new InputProblem(seq.error);
    const position: StartPosition = { type: choice, sequenceNumber: seq.value };
    const error = await opts.checkSequence?.(position);
    if (error === undefined) return position;
    refused = { value, error };
  }
}
