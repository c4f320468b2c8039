import { describe, expect, it } from 'vitest';
import { activeFilterCount, browseFilterFrom, browseParamsOf } from './challenge-filters';

describe('browse filters in the address', () => {
  it('reads known values and drops unknown ones', () => {
    const filter = browseFilterFrom(
      new URLSearchParams(
        'q=%20観光%20&theme=tourism&skill=astrology&style=remote&terms=paid&prefecture=200000&minHours=8&maxHours=16&page=2',
      ),
    );
    expect(filter).toEqual({
      q: '観光',
      theme: 'tourism',
      style: 'remote',
      terms: 'paid',
      prefecture: '200000',
      minHours: 8,
      maxHours: 16,
      page: 2,
    });
  });

  it('keeps only the lower bound of an hours range given the wrong way round', () => {
    expect(browseFilterFrom(new URLSearchParams('minHours=20&maxHours=8'))).toEqual({
      minHours: 20,
      page: 1,
    });
  });

  it('writes the same filter back, leaving out the first page and empty values', () => {
    const params = browseParamsOf({ theme: 'digital_dx', q: '', page: 1 });
    expect(params.toString()).toBe('theme=digital_dx');
    expect(browseParamsOf({ page: 3 }).toString()).toBe('page=3');
  });

  it('counts the filters in use', () => {
    expect(activeFilterCount({ page: 4 })).toBe(0);
    expect(activeFilterCount({ q: 'DX', style: 'hybrid', page: 1 })).toBe(2);
  });
});
