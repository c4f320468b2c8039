import type { OrganizationKind, Role } from '../shared/organizations';

/** A membership as the people-flow rule reads it: the organisation's local-government code. */
export type FlowReaderMembership = {
  role: Role;
  organizationKind: OrganizationKind;
  lgCode: string | null;
};

/** A municipality (or a designated city's ward) and what it belongs to. */
export type FlowMunicipality = {
  code: string;
  /** The designated city of a ward; null otherwise. */
  parentCode: string | null;
  prefectureCode: string;
};

/**
 * Who reads a municipality's people-flow figures (decision 9): coordinators, any; the officers
 * of that municipality — of the designated city, too, for its wards; and the officers of its
 * prefecture, who plan tourism and relocation across their municipalities. Nobody else: a
 * company, its workers and other towns do not see a town's figures, however well protected.
 *
 * @example
 * canReadMunicipalityFlow([{ role: 'municipal_officer', organizationKind: 'municipality', lgCode: '203211' }],
 *   { code: '203211', parentCode: null, prefectureCode: '200000' }) // true
 */
export function canReadMunicipalityFlow(
  members: readonly FlowReaderMembership[],
  municipality: FlowMunicipality,
): boolean {
  return members.some((m) => {
    if (m.role === 'coordinator') return true;
    if (m.role !== 'municipal_officer' || m.lgCode === null) return false;
    if (m.organizationKind === 'prefecture') return m.lgCode === municipality.prefectureCode;
    return m.lgCode === municipality.code || m.lgCode === municipality.parentCode;
  });
}
