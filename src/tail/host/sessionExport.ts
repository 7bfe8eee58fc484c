// Export from the tail session's buffer: picks the records (all, or those the filters show) and
// turns them into export items lazily (one decode per record, as the writer pulls), so exporting
// 100,000 records never holds every decoded payload at once.
import type { Decoded } from '../../kinesis/decode/types';
import type { ExportItem } from '../shared/exportFormat';
import type { CompiledView } from '../shared/filter';
import { recordMeta, type ExportFormat, type HostToWebview } from '../shared/protocol';
import type { BufferedRecord } from './buffer';

export interface ExportRequest {
  requestId: number;
  scope: 'shown' | 'all';
  format: ExportFormat;
}

export interface ExportDeps {
  records: Iterable<BufferedRecord>;
  view: CompiledView;
  decode(data: Uint8Array, logEvent?: number): Decoded;
  saveExport(chunks: Iterable<ExportItem>, format: ExportFormat): Promise<{ path: string; count: number } | undefined>;
  post(message: HostToWebview): void;
  onError?(what: string, err: unknown): void;
}

/** Saves the requested records and answers the webview with an `exportResult`. */
export async function exportRecords({ requestId, scope, format }: ExportRequest, deps: ExportDeps): Promise<void> {
  const { view, post } = deps;
  const selected = [...deps.records].filter((r) => scope === 'all' || !view.active || view.matches(r.row));
  try {
    const saved = await deps.saveExport(toExportItems(selected, deps.decode), format);
    if (!saved) post({ type: 'exportResult', requestId, ok: false, cancelled: true });
    else post({ type: 'exportResult', requestId, ok: true, count: saved.count, path: saved.path });
  } catch (err) {
    deps.onError?.('export failed', err);
    post({ type: 'exportResult', requestId, ok: false, error: err instanceof Error ? err.message : String(err) });
  }
}

export function* toExportItems(records: Iterable<BufferedRecord>, decode: (data: Uint8Array, logEvent?: number) => Decoded): Generator<ExportItem> {
  for (const { row, data } of records) {
    // A CloudWatch Logs event row exports its event, with the record's metadata and `log`.
    const decoded = decode(data, row.log?.index);
    yield {
      ...recordMeta(row),
      // The row's layers include 'kpl' for sub-records, which decoding the payload alone cannot know.
      layers: row.layers,
      kind: decoded.kind,
      ...(decoded.json === undefined ? {} : { json: decoded.json }),
      ...(decoded.text === undefined ? {} : { text: decoded.text }),
      data,
      ...(row.warnings ? { warnings: row.warnings } : {}),
    };
  }
}
