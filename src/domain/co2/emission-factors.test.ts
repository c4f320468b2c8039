import { describe, expect, it } from 'vitest';
import { roundTripCo2Kg, travelEmissionFactors, travelModes } from './emission-factors';

describe('travel emission factors', () => {
  it('holds the FY2024 defaults of docs/domain-co2.md, each with its year and source', () => {
    expect(
      Object.fromEntries(travelModes.map((m) => [m, travelEmissionFactors[m].gPerPassengerKm])),
    ).toEqual({ car: 125, air: 91, bus: 57, rail: 17, shinkansen: 20 });
    for (const mode of travelModes) {
      expect(travelEmissionFactors[mode].fiscalYear).toBe(2024);
      expect(travelEmissionFactors[mode].source).not.toBe('');
    }
  });

  it('puts a 500 km each-way trip at 20.0 kg by Shinkansen and 125.0 kg by car', () => {
    expect(roundTripCo2Kg(500, 'shinkansen')).toBe(20);
    expect(roundTripCo2Kg(500, 'car')).toBe(125);
  });

  it('reads as the table does, without binary noise', () => {
    expect(roundTripCo2Kg(430.1, 'shinkansen')).toBe(17.204);
    expect(roundTripCo2Kg(913.8, 'air')).toBe(166.312);
  });
});
