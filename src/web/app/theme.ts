import { Badge, createTheme } from '@mantine/core';

/**
 * System fonts only, Japanese ones included: nothing is downloaded at run time, and every
 * platform shows its own well-hinted Japanese face (Hiragino on Apple, Yu Gothic/Meiryo on
 * Windows, Noto Sans CJK on Linux and Android).
 */
const systemFonts = [
  'system-ui',
  '-apple-system',
  '"Segoe UI"',
  '"Hiragino Sans"',
  '"Hiragino Kaku Gothic ProN"',
  '"Noto Sans JP"',
  '"Noto Sans CJK JP"',
  '"Yu Gothic UI"',
  '"Yu Gothic"',
  'Meiryo',
  'Roboto',
  '"Helvetica Neue"',
  'Arial',
  'sans-serif',
].join(', ');

export const theme = createTheme({
  fontFamily: systemFonts,
  headings: { fontFamily: systemFonts },
  primaryColor: 'indigo',
  defaultRadius: 'md',
  // The focus ring shows for keyboard focus (:focus-visible) and is never switched off.
  focusRing: 'auto',
  respectReducedMotion: true,
  components: {
    Badge: Badge.extend({
      // Badges carry whole words ("市区町村", "Municipality"): never truncated, never shouted.
      defaultProps: { tt: 'none' },
      styles: { root: { minWidth: 'max-content' } },
    }),
  },
});
