import { describe, expect, it } from 'vitest';
import { type FlowReaderMembership, canReadMunicipalityFlow } from './flow-access';

const karuizawa = { code: '203211', parentCode: null, prefectureCode: '200000' };
const naka = { code: '141038', parentCode: '141003', prefectureCode: '140007' }; // 横浜市中区
const officer = (organizationKind: 'municipality' | 'prefecture', lgCode: string) =>
  [{ role: 'municipal_officer', organizationKind, lgCode }] as FlowReaderMembership[];

describe('who reads a municipality’s people-flow figures', () => {
  it('lets its own officers and coordinators read them', () => {
    expect(canReadMunicipalityFlow(officer('municipality', '203211'), karuizawa)).toBe(true);
    expect(
      canReadMunicipalityFlow(
        [{ role: 'coordinator', organizationKind: 'association', lgCode: null }],
        karuizawa,
      ),
    ).toBe(true);
  });

  it('lets the prefecture’s officers read its municipalities, not another prefecture’s', () => {
    expect(canReadMunicipalityFlow(officer('prefecture', '200000'), karuizawa)).toBe(true);
    expect(canReadMunicipalityFlow(officer('prefecture', '130001'), karuizawa)).toBe(false);
  });

  it('lets a designated city’s officers read its wards', () => {
    expect(canReadMunicipalityFlow(officer('municipality', '141003'), naka)).toBe(true);
    expect(canReadMunicipalityFlow(officer('municipality', '141038'), naka)).toBe(true);
    expect(
      canReadMunicipalityFlow(officer('municipality', '141038'), { ...naka, code: '141046' }),
    ).toBe(false);
  });

  it('refuses other towns, companies and workers', () => {
    expect(canReadMunicipalityFlow(officer('municipality', '203238'), karuizawa)).toBe(false);
    expect(
      canReadMunicipalityFlow(
        [
          { role: 'company_admin', organizationKind: 'company', lgCode: null },
          { role: 'worker', organizationKind: 'company', lgCode: null },
        ],
        karuizawa,
      ),
    ).toBe(false);
    expect(canReadMunicipalityFlow([], karuizawa)).toBe(false);
  });
});
