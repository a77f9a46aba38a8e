/**
 * The one error type of the mbo import layer. Every parser in `src/domain/mbo`
 * either returns a complete result or throws this error: there are no partial results.
 */
export class MboImportError extends Error {
  override readonly name = 'MboImportError';
  /** Name of the file that was being read (as given by the caller). */
  readonly file: string;
  /**
   * Where in the file, for people: "regel 12" for tables,
   * "regel 40, sbb/dossiers/dossier[1]/profielen/profiel[2]" for XML. Null when the
   * problem concerns the file as a whole.
   */
  readonly location: string | null;
  /** 1-based line number (tables: header = line 1; XML: line of the element), when known. */
  readonly line: number | null;
  /** The reason without file and location, in Dutch. */
  readonly reason: string;

  constructor(args: { file: string; reason: string; line?: number | null; path?: string | null }) {
    const line = args.line ?? null;
    const location = formatLocation(line, args.path ?? null);
    super(`${args.file}${location === null ? '' : `, ${location}`}: ${args.reason}`);
    this.file = args.file;
    this.location = location;
    this.line = line;
    this.reason = args.reason;
  }
}

function formatLocation(line: number | null, path: string | null): string | null {
  if (line === null && path === null) return null;
  if (line === null) return path;
  return path === null ? `regel ${line}` : `regel ${line}, ${path}`;
}
