// The histogram's brushed time window as a filter: narrows a compiled view to the records that
// arrived in [from, to). Both sides use it, so "export shown" matches what the table shows.
import type { CompiledView, FilterSubject } from './filter';

export interface TimeWindow {
  /** Arrival time, ms since the epoch, inclusive. */
  from: number;
  /** Exclusive. */
  to: number;
}

export function isTimeWindow(x: unknown): x is TimeWindow {
  if (typeof x !== 'object' || x === null) return false;
  const { from, to } = x as Record<string, unknown>;
  return typeof from === 'number' && typeof to === 'number' && Number.isFinite(from) && Number.isFinite(to) && from < to;
}

/** The view, further limited to the window (the view itself when there is none). */
export function withTimeWindow<V extends CompiledView>(view: V, window: TimeWindow | undefined): CompiledView {
  if (!window) return view;
  const { from, to } = window;
  return {
    active: true,
    ...(view.fieldError ? { fieldError: view.fieldError } : {}),
    matches: (row: FilterSubject & { arrival: number }) => row.arrival >= from && row.arrival < to && view.matches(row),
  };
}
