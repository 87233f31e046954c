import type { Rng } from '@lgsp/simulator-kit';

/** A standard normal draw (Box–Muller). */
export function gaussian(rng: Rng): number {
  const u = Math.max(rng.next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

/** A Poisson draw: exact (Knuth) for small means, the normal approximation for large ones. */
export function poisson(rng: Rng, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * gaussian(rng)));
  const limit = Math.exp(-mean);
  let count = 0;
  let product = rng.next();
  while (product > limit) {
    count += 1;
    product *= rng.next();
  }
  return count;
}

/** How many of `trials` succeed with probability `p` each. */
export function binomial(rng: Rng, trials: number, p: number): number {
  let successes = 0;
  for (let index = 0; index < trials; index += 1) if (rng.next() < p) successes += 1;
  return successes;
}
