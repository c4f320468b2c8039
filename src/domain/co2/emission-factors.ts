/**
 * Default emission factors of docs/domain-co2.md, each with the fiscal year it describes and its
 * source: the sources are revised yearly, so a figure is only honest next to its vintage. Plain
 * data plus the distance-based trip formula (GHG Protocol Scope 3 category 7).
 */

export const travelModes = ['car', 'air', 'bus', 'rail', 'shinkansen'] as const;
export type TravelMode = (typeof travelModes)[number];

export type PassengerKmFactor = {
  /** Grams of CO2 per passenger-kilometre. */
  gPerPassengerKm: number;
  fiscalYear: number;
  source: string;
};

const MLIT_FY2024 = 'MLIT 「運輸部門における二酸化炭素排出量」, FY2024 chart';

/** Grams of CO2 per passenger-km by mode (FY2024 defaults). */
export const travelEmissionFactors: Readonly<Record<TravelMode, PassengerKmFactor>> = {
  car: { gPerPassengerKm: 125, fiscalYear: 2024, source: MLIT_FY2024 },
  air: { gPerPassengerKm: 91, fiscalYear: 2024, source: MLIT_FY2024 },
  bus: { gPerPassengerKm: 57, fiscalYear: 2024, source: MLIT_FY2024 },
  rail: { gPerPassengerKm: 17, fiscalYear: 2024, source: MLIT_FY2024 },
  shinkansen: {
    gPerPassengerKm: 20,
    fiscalYear: 2024,
    source: 'JR East Integrated Report 2024',
  },
};

/** Kilograms of CO2 per litre of gasoline burnt (reporting ordinance factor). */
export const gasolineKgPerLitre = {
  value: 2.32,
  fiscalYear: 2024,
  source: 'reporting ordinance factor',
} as const;

/** National average grid factor for FY2024 results (0.000423 t/kWh). */
export const gridElectricityKgPerKwh = {
  value: 0.423,
  fiscalYear: 2024,
  source: 'MOE/METI national average for FY2024 results',
} as const;

/** Home-office load per telework day: 150 W for 8 h. */
export const homeOfficeKwhPerTeleworkDay = {
  value: 1.2,
  fiscalYear: 2024,
  source: 'EcoAct homeworking method assumption (150 W for 8 h)',
} as const;

/**
 * CO2 of a round trip: one-way km × 2 × the mode's factor, per person. Computed in whole grams
 * first so that a result reads exactly as the factor table does (no 20.000000000000004 kg).
 *
 * @example
 * roundTripCo2Kg(500, 'shinkansen'); // 20 (1,000 pkm × 20 g)
 * roundTripCo2Kg(500, 'car'); // 125
 */
export function roundTripCo2Kg(oneWayKm: number, mode: TravelMode): number {
  return Math.round(oneWayKm * 2 * travelEmissionFactors[mode].gPerPassengerKm) / 1000;
}
