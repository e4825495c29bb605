/**
 * RFC 4180 CSV parsing: quoted fields, doubled quotes, CRLF or LF, a UTF-8 BOM. Returns rows of
 * strings; blank lines are dropped, unless `keepBlankRows` (then row i is the spreadsheet's row i + 1,
 * which is what an import's report must quote).
 */
export function parseCsv(text: string, opts: { keepBlankRows?: boolean } = {}): string[][] {
  const keep = (r: string[]) => opts.keepBlankRows || r.some((f) => f.trim() !== '');
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      field = '';
      if (keep(row)) rows.push(row);
      row = [];
    } else field += c;
  }
  row.push(field);
  // the empty "line" after a final newline is not a row
  if (row.some((f) => f.trim() !== '')) rows.push(row);
  return rows;
}

/** One CSV line from values, quoting where needed. */
export function toCsvLine(values: readonly unknown[]): string {
  return values
    .map((v) => {
      const s = v == null ? '' : String(v);
      return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
    })
    .join(',');
}

/**
 * Decodes an uploaded text file: UTF-8 when it is valid UTF-8, otherwise GB18030, which is what
 * Excel on a Chinese Windows writes when saving CSV.
 */
export function decodeText(buf: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return new TextDecoder('gb18030').decode(buf);
  }
}
