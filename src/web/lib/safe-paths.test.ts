import { describe, expect, it } from 'vitest';
import { loginPathFor, safeHttpUrl, safeNextPath } from './safe-paths';

describe('safeNextPath', () => {
  it('returns to a path on this site', () => {
    expect(safeNextPath('/organizations/1?x=2')).toBe('/organizations/1?x=2');
  });

  it('refuses addresses that would leave the site', () => {
    expect(safeNextPath('//evil.example/x')).toBe('/');
    expect(safeNextPath('https://evil.example')).toBe('/');
    expect(safeNextPath('/\\evil.example')).toBe('/');
  });

  it('never sends the person back to the login page itself', () => {
    expect(safeNextPath('/login?next=/audit')).toBe('/');
    expect(safeNextPath(null)).toBe('/');
  });
});

describe('loginPathFor', () => {
  it('keeps the intended path for after signing in', () => {
    expect(loginPathFor('/audit')).toBe('/login?next=%2Faudit');
    expect(loginPathFor('/')).toBe('/login');
  });
});

describe('safeHttpUrl', () => {
  it('links only http and https addresses', () => {
    expect(safeHttpUrl('https://www.town.karuizawa.lg.jp/')).toBe(
      'https://www.town.karuizawa.lg.jp/',
    );
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('not a url')).toBeNull();
  });
});
