import { describe, expect, it } from 'vitest';
import en from './en.json';
import ja from './ja.json';

/** Every key path of a catalog, e.g. "login.title". */
function keyPaths(catalog: object, prefix = ''): string[] {
  return Object.entries(catalog).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null
      ? keyPaths(value as object, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

/** The {{placeholders}} a message uses. */
const placeholders = (message: string) =>
  [...message.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();

function messageAt(catalog: object, path: string): string {
  const value = path
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], catalog);
  return String(value);
}

describe('translation catalogs', () => {
  it('have the same messages in Japanese and English', () => {
    expect(keyPaths(en).sort()).toEqual(keyPaths(ja).sort());
  });

  it('use the same placeholders in both languages', () => {
    for (const path of keyPaths(ja)) {
      expect(placeholders(messageAt(en, path)), path).toEqual(placeholders(messageAt(ja, path)));
    }
  });

  it('leave no message empty', () => {
    for (const path of [...keyPaths(ja), ...keyPaths(en)]) {
      expect(messageAt(ja, path).trim(), path).not.toBe('');
    }
  });
});
