import { CliError } from './cli-errors';

/**
 * Where in the text a JSON.parse error points, as "line L, column C". Node 20 gives a position
 * for some errors only ("Unexpected token ']', … is not valid JSON" has none), so the position
 * is found by scanning the text when the message lacks it.
 */
function describeJsonError(text: string, err: Error): string {
  const m = /position (\d+)/.exec(err.message);
  const pos = m ? Number(m[1]) : findJsonErrorOffset(text);
  if (pos === undefined) return err.message;
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const column = pos - before.lastIndexOf('\n');
  const reason = err.message
    .replace(/ in JSON at position \d+.*$/s, '')
    .replace(/, (\.\.\.)?".*" is not valid JSON$/s, '');
  return `${reason} at line ${line}, column ${column}`;
}

/** The offset of the first character that makes `text` invalid JSON (undefined if none). */
function findJsonErrorOffset(text: string): number | undefined {
  let i = 0;
  function fail(): never {
    throw new JsonSyntaxAt(i);
  }
  function expect(ch: string): void {
    if (text[i] !== ch) fail();
    i++;
  }
  function space(): void {
    while (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r') i++;
  }
  function string(): void {
    expect('"');
    while (text[i] !== '"') {
      if (i >= text.length || text.charCodeAt(i) < 0x20) fail();
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[\da-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) {
          fail();
        }
      }
      i++;
    }
    i++;
  }
  function value(): void {
    space();
    const ch = text[i];
    if (ch === '{' || ch === '[') {
      const close = ch === '{' ? '}' : ']';
      i++;
      space();
      if (text[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (ch === '{') {
          space();
          string();
          space();
          expect(':');
        }
        value();
        space();
        if (text[i] === close) {
          i++;
          return;
        }
        expect(',');
      }
    }
    if (ch === '"') return string();
    const token = /^(true|false|null|-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?)/.exec(text.slice(i));
    if (!token) fail();
    i += token[0].length;
  }
  try {
    value();
    space();
    return i < text.length ? i : undefined;
  } catch (err) {
    if (err instanceof JsonSyntaxAt) return Math.min(err.offset, text.length);
    throw err;
  }
}

class JsonSyntaxAt extends Error {
  constructor(readonly offset: number) {
    super(`JSON syntax error at ${offset}`);
  }
}

/** Parses a command's JSON input; broken JSON becomes a CliError naming the line and column. */
export function parseJsonInput(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new CliError(`${source}: not valid JSON: ${describeJsonError(text, err as Error)}`);
  }
}
