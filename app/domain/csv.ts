// RFC 4180 CSV, pure: quoted fields, doubled quotes, commas and newlines inside quotes, CRLF or LF, a UTF-8 BOM.

export function parseCsv(text: string): string[][] {
  return [...csvRows(text)];
}

/**
 * The same parser, one record at a time, so a caller can yield to the event loop between chunks of a large file
 * (blank lines are skipped).
 */
export function* csvRows(text: string): Generator<string[]> {
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const emit = (r: string[]) => r.length > 1 || r[0] !== "";
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      if (emit(row)) yield row;
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    if (emit(row)) yield row;
  }
}

/**
 * The elements of a top-level JSON array, each parsed on its own, one at a time (a 40 MB array is never parsed in
 * one blocking call). Throws a SyntaxError for anything that is not a well-formed array.
 */
export function* jsonArrayElements(text: string): Generator<unknown> {
  let i = 0;
  const n = text.length;
  const space = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
  while (i < n && space(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) !== 0x5b /* [ */) throw new SyntaxError("not a JSON array");
  i++;
  let start = i;
  let depth = 0;
  let inString = false;
  let elements = 0;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* backslash */) i++;
      else if (c === 0x22 /* " */) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) {
      if (depth > 0) {
        depth--;
        continue;
      }
      // the closing bracket of the array
      const last = text.slice(start, i);
      if (last.trim() !== "") yield JSON.parse(last);
      else if (elements > 0) throw new SyntaxError("trailing comma");
      if (text.slice(i + 1).trim() !== "") throw new SyntaxError("text after the array");
      return;
    } else if (c === 0x2c /* , */ && depth === 0) {
      const item = text.slice(start, i);
      if (item.trim() === "") throw new SyntaxError("empty element");
      elements++;
      yield JSON.parse(item);
      start = i + 1;
    }
  }
  throw new SyntaxError("unterminated JSON array");
}

export function toCsvLine(values: readonly string[]): string {
  return values.map((v) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(",");
}

/**
 * A cell safe to open in a spreadsheet: text that a spreadsheet would run as a formula (=, +, -, @, tab, CR at
 * the start) is prefixed with an apostrophe (OWASP "CSV injection"). For exports of text people typed.
 */
export const spreadsheetCell = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

/** The text a spreadsheetCell was made from: a file we gave out (the failed rows of an import) reads back as written. */
export const fromSpreadsheetCell = (v: string) => (/^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v);
