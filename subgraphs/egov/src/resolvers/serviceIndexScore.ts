import type { ServiceIndexInputs } from '../model.js';

export type ServiceIndexGroup = 'PUBLICITY' | 'PROGRESS' | 'ONLINE_SERVICE' | 'DIGITISATION' | 'SATISFACTION';

export interface ServiceIndexComponent {
  group: ServiceIndexGroup;
  maxScore: number;
  /** Null when a ratio it needs has a zero denominator. */
  score: number | null;
  method: string;
}

/** One ratio of a group: `points × numerator / denominator`. */
interface Part {
  points: number;
  numerator: number;
  denominator: number;
}

interface GroupRule {
  group: ServiceIndexGroup;
  maxScore: number;
  method: string;
  parts: (inputs: ServiceIndexInputs) => Part[];
}

/**
 * The hub's estimate of the Decision 766/QĐ-TTg groups from the inputs the one-stop system holds: each group's points
 * are split over its ratios as stated in `method`, and each ratio earns its points linearly. The official scoring
 * adds surveys and ministry data, so this is an estimate, labelled as such in the schema.
 */
const rules: readonly GroupRule[] = [
  {
    group: 'PUBLICITY',
    maxScore: 18,
    method: '9 × proceduresPublished / procedures + 9 × dossiersSyncedToNationalPortal / dossiersReceived',
    parts: (i) => [
      { points: 9, numerator: i.proceduresPublished, denominator: i.procedures },
      { points: 9, numerator: i.dossiersSyncedToNationalPortal, denominator: i.dossiersReceived },
    ],
  },
  {
    group: 'PROGRESS',
    maxScore: 20,
    method: '20 × dossiersResolvedOnTime / dossiersResolved',
    parts: (i) => [{ points: 20, numerator: i.dossiersResolvedOnTime, denominator: i.dossiersResolved }],
  },
  {
    group: 'ONLINE_SERVICE',
    maxScore: 22,
    method:
      '8 × proceduresFullyOnline / procedures + 8 × dossiersReceivedOnline / dossiersReceived + 6 × dossiersPaidOnline / dossiersWithFee',
    parts: (i) => [
      { points: 8, numerator: i.proceduresFullyOnline, denominator: i.procedures },
      { points: 8, numerator: i.dossiersReceivedOnline, denominator: i.dossiersReceived },
      { points: 6, numerator: i.dossiersPaidOnline, denominator: i.dossiersWithFee },
    ],
  },
  {
    group: 'DIGITISATION',
    maxScore: 22,
    method: '11 × dossiersDigitised / dossiersReceived + 11 × resultsIssuedElectronically / dossiersResolved',
    parts: (i) => [
      { points: 11, numerator: i.dossiersDigitised, denominator: i.dossiersReceived },
      { points: 11, numerator: i.resultsIssuedElectronically, denominator: i.dossiersResolved },
    ],
  },
  {
    group: 'SATISFACTION',
    maxScore: 18,
    method: '18 × (ratingsSatisfied + 0.5 × ratingsNeutral) / ratings',
    parts: (i) => [
      { points: 18, numerator: i.ratingsSatisfied + 0.5 * i.ratingsNeutral, denominator: i.ratings },
    ],
  },
];

const round2 = (value: number) => Math.round(value * 100) / 100;

/** The five component scores and their total (null when any component is null). */
export function scoreServiceIndex(inputs: ServiceIndexInputs): {
  components: ServiceIndexComponent[];
  total: number | null;
} {
  const components = rules.map((rule): ServiceIndexComponent => {
    const parts = rule.parts(inputs);
    const derivable = parts.every((part) => part.denominator > 0);
    const score = derivable
      ? round2(
          parts.reduce(
            (sum, part) =>
              sum + (part.points * Math.min(part.numerator, part.denominator)) / part.denominator,
            0,
          ),
        )
      : null;
    return { group: rule.group, maxScore: rule.maxScore, score, method: rule.method };
  });
  const total = components.every((component) => component.score !== null)
    ? round2(components.reduce((sum, component) => sum + component.score!, 0))
    : null;
  return { components, total };
}
