/** The interface languages. Japanese is the default: most people using Tsunagu read it first. */
export const languages = ['ja', 'en'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'ja';

export function parseLanguage(value: unknown): Language | null {
  return languages.find((l) => l === value) ?? null;
}

/**
 * Which language to show once we know who is signed in, and whether to update their account.
 * A choice made on this device wins (it is the one the person just made, e.g. on the login
 * page) and is saved to the account; with no choice on the device the account's language is used.
 *
 * @example
 * reconcileLanguage(null, 'en') // → { show: 'en', saveToAccount: null }
 * reconcileLanguage('ja', 'en') // → { show: 'ja', saveToAccount: 'ja' }
 */
export function reconcileLanguage(
  chosenOnDevice: Language | null,
  account: Language,
): { show: Language; saveToAccount: Language | null } {
  if (chosenOnDevice === null) return { show: account, saveToAccount: null };
  return {
    show: chosenOnDevice,
    saveToAccount: chosenOnDevice === account ? null : chosenOnDevice,
  };
}
