import { readFile } from 'node:fs/promises';
import { CliError } from './cli-errors';

export type FetchLike = (
  url: string,
) => Promise<Pick<Response, 'ok' | 'status' | 'statusText' | 'arrayBuffer'>>;

/**
 * The text of a local file or an http(s) URL, as UTF-8. Decoding is strict: a Shift_JIS file
 * read as UTF-8 would otherwise import as mojibake without a single error.
 */
export async function readInput(fileOrUrl: string, fetchImpl: FetchLike = fetch): Promise<string> {
  let bytes: Uint8Array;
  if (/^https?:\/\//i.test(fileOrUrl)) {
    let res: Awaited<ReturnType<FetchLike>>;
    try {
      res = await fetchImpl(fileOrUrl);
    } catch (err) {
      throw new CliError(`${fileOrUrl}: could not fetch (${(err as Error).message})`);
    }
    if (!res.ok) throw new CliError(`${fileOrUrl}: HTTP ${res.status} ${res.statusText}`.trim());
    bytes = new Uint8Array(await res.arrayBuffer());
  } else {
    try {
      bytes = await readFile(fileOrUrl);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const reason =
        code === 'ENOENT'
          ? 'no such file'
          : code === 'EISDIR'
            ? 'is a directory'
            : (err as Error).message;
      throw new CliError(`${fileOrUrl}: ${reason}`);
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(`${fileOrUrl}: not UTF-8 text (convert a Shift_JIS file to UTF-8 first)`);
  }
}
