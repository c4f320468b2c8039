import { describe, expect, it } from 'vitest';
import { parseLanguage, reconcileLanguage } from './language';

describe('reconcileLanguage', () => {
  it("uses the account's language on a device where none was chosen", () => {
    expect(reconcileLanguage(null, 'en')).toEqual({ show: 'en', saveToAccount: null });
  });

  it('keeps the language just chosen on this device and saves it to the account', () => {
    expect(reconcileLanguage('ja', 'en')).toEqual({ show: 'ja', saveToAccount: 'ja' });
  });

  it('saves nothing when device and account agree', () => {
    expect(reconcileLanguage('en', 'en')).toEqual({ show: 'en', saveToAccount: null });
  });
});

describe('parseLanguage', () => {
  it('accepts only the supported languages', () => {
    expect(parseLanguage('en')).toBe('en');
    expect(parseLanguage('fr')).toBeNull();
    expect(parseLanguage(null)).toBeNull();
  });
});
