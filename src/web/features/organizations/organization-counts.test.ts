import { describe, expect, it } from 'vitest';
import { countOrganizationsByKind } from './organization-counts';

describe('countOrganizationsByKind', () => {
  it('counts each kind and reports kinds with no members as zero', () => {
    expect(
      countOrganizationsByKind([
        { kind: 'municipality' },
        { kind: 'company' },
        { kind: 'municipality' },
      ]),
    ).toEqual({ association: 0, municipality: 2, prefecture: 0, company: 1 });
  });
});
