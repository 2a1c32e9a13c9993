/**
 * CSV cells for Fenfa's exports (RFC 4180). A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, a tab
 * or a carriage return first: OWASP's CSV injection list) gets a leading `'`, so a user agent or changelog sent by
 * anyone cannot run in the admin's spreadsheet.
 */
export function csvCell(value: unknown): string {
  let text =
    value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : String(value);
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) text = JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
