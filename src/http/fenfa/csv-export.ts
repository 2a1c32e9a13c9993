import { once } from 'node:events';
import type { Response } from 'express';
import { csvLine } from '../../core/fenfa/csv.js';

/** Streams a CSV export line by line, waiting for the client when it reads slower than the database answers. */
export async function sendCsv(
  res: Response,
  name: string,
  header: readonly string[],
  rows: () => AsyncIterable<readonly unknown[]>,
): Promise<void> {
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
  res.setHeader('Cache-Control', 'no-store');
  res.write(csvLine(header));
  for await (const row of rows()) {
    if (!res.write(csvLine(row))) await once(res, 'drain');
  }
  res.end();
}
