import { describe, expect, it } from '@jest/globals';
import { scoreServiceIndex, type ServiceIndexInputs } from '../src/index.js';

const inputs: ServiceIndexInputs = {
  procedures: 200,
  proceduresPublished: 190,
  proceduresFullyOnline: 100,
  proceduresPartlyOnline: 60,
  dossiersReceived: 1_000,
  dossiersSyncedToNationalPortal: 950,
  dossiersReceivedOnline: 400,
  dossiersResolved: 800,
  dossiersResolvedOnTime: 720,
  dossiersResolvedLate: 80,
  dossiersDigitised: 700,
  resultsIssuedElectronically: 400,
  dossiersWithFee: 300,
  dossiersPaidOnline: 150,
  ratings: 100,
  ratingsSatisfied: 90,
  ratingsNeutral: 6,
  ratingsDissatisfied: 4,
};

describe('Decision 766 service-index estimate', () => {
  it('splits each group over its ratios as its method states (worked example)', () => {
    const { components, total } = scoreServiceIndex(inputs);
    expect(components.map((c) => [c.group, c.score])).toEqual([
      ['PUBLICITY', 17.1], // 9 × 190/200 + 9 × 950/1000 = 8.55 + 8.55
      ['PROGRESS', 18], // 20 × 720/800
      ['ONLINE_SERVICE', 10.2], // 8 × 100/200 + 8 × 400/1000 + 6 × 150/300 = 4 + 3.2 + 3
      ['DIGITISATION', 13.2], // 11 × 700/1000 + 11 × 400/800 = 7.7 + 5.5
      ['SATISFACTION', 16.74], // 18 × (90 + 3)/100
    ]);
    expect(total).toBe(75.24);
    expect(components.reduce((sum, c) => sum + c.maxScore, 0)).toBe(100);
  });

  it('leaves a group without data null, and the total with it', () => {
    const { components, total } = scoreServiceIndex({
      ...inputs,
      ratings: 0,
      ratingsSatisfied: 0,
      ratingsNeutral: 0,
    });
    expect(components.find((c) => c.group === 'SATISFACTION')!.score).toBeNull();
    expect(components.find((c) => c.group === 'PROGRESS')!.score).toBe(18);
    expect(total).toBeNull();
  });
});
