import { describe, expect, it } from 'vitest';
import { localized, skillLabel, skillWithLevel, themeLabel } from './matching-labels';

describe('matching labels', () => {
  it('names themes and skills with the engine’s words in both languages', () => {
    expect(themeLabel('digital_dx', 'ja')).toBe('デジタル・DX');
    expect(themeLabel('digital_dx', 'en')).toBe('digital/DX');
    expect(skillLabel('data_analysis', 'ja')).toBe('データ分析');
    expect(skillWithLevel('data_analysis', 3, 'ja')).toBe('データ分析 Lv3');
    expect(skillWithLevel('data_analysis', 3, 'en')).toBe('data analysis (level 3)');
  });

  it('falls back to the Japanese text when no English was written', () => {
    expect(localized('課題', null, 'en')).toBe('課題');
    expect(localized('課題', 'Challenge', 'en')).toBe('Challenge');
    expect(localized('課題', 'Challenge', 'ja')).toBe('課題');
  });
});
