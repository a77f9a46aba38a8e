/** The rows of a semicolon CSV as the exports write it (UTF-8 with BOM, CRLF, quotes doubled), empty rows left out. */
export function csvRows(text: string): string[][] {
  const regels: string[][] = [];
  let veld = '';
  let regel: string[] = [];
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        veld += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else veld += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ';') {
      regel.push(veld);
      veld = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      regel.push(veld);
      regels.push(regel);
      regel = [];
      veld = '';
    } else veld += ch;
  }
  if (veld !== '' || regel.length) regels.push([...regel, veld]);
  return regels.filter((r) => r.some((v) => v !== ''));
}

/** The rows of such a CSV as objects by its header. */
export function leesCsv(text: string): Array<Record<string, string>> {
  const [kop, ...rest] = csvRows(text);
  return rest.map((r) => Object.fromEntries(kop!.map((k, i) => [k, r[i] ?? ''])));
}
