// Turns buffered records into export items lazily (one decode per record, as the writer pulls),
// so exporting 100,000 records never holds every decoded payload at once.
import type { Decoded } from '../../kinesis/decode/types';
import type { ExportItem } from '../shared/exportFormat';
import { recordMeta } from '../shared/protocol';
import type { BufferedRecord } from './buffer';

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
