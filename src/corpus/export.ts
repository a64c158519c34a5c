// Streams rows out as JSONL, CSV or one JSON array, uncapped and with
// back-pressure, so exporting a million claims needs no more memory than one.
import { csvRow } from '../present/csv.js';

export const ROW_FORMATS = ['jsonl', 'csv', 'json'] as const;
export type RowFormat = (typeof ROW_FORMATS)[number];

function write(stream: NodeJS.WritableStream, chunk: string): Promise<void> | void {
  if (stream.write(chunk)) return;
  return new Promise((resolve) => stream.once('drain', () => resolve()));
}

/** Write text chunks in order, waiting for the stream to drain when its buffer is full. */
export async function writeChunks(chunks: Iterable<string>, out: NodeJS.WritableStream): Promise<void> {
  for (const chunk of chunks) await write(out, chunk);
}

/** Write every row; CSV columns are the first row's keys. Returns the number of rows. */
export async function writeRows(rows: AsyncIterable<object> | Iterable<object>, format: RowFormat, out: NodeJS.WritableStream): Promise<number> {
  let n = 0;
  let columns: string[] = [];
  if (format === 'json') await write(out, '[');
  for await (const row of rows) {
    const r = row as Record<string, unknown>;
    if (format === 'jsonl') await write(out, JSON.stringify(r) + '\n');
    else if (format === 'json') await write(out, (n > 0 ? ',\n' : '\n') + JSON.stringify(r));
    else {
      if (n === 0) {
        columns = Object.keys(r);
        await write(out, csvRow(columns));
      }
      await write(out, csvRow(columns.map((c) => r[c])));
    }
    n++;
  }
  if (format === 'json') await write(out, n > 0 ? '\n]\n' : ']\n');
  return n;
}
