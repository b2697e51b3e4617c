// CSV for spreadsheets. Crawled text is hostile here too: a cell that a spreadsheet would run as a
// formula (=, +, -, @, tab, carriage return first) is prefixed with an apostrophe (OWASP's advice).

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | boolean | undefined | null): string {
  if (value === undefined || value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: ReadonlyArray<string | number | boolean | undefined | null>): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
