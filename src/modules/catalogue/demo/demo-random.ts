/**
 * A small seeded pseudo-random generator for the demo catalogue. The demo must be the same on
 * every machine and every run (tests, screenshots and benchmarks compare against it), so nothing
 * here reads the clock or Math.random.
 */

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** A whole number from min to max, both included. */
  int(min: number, max: number): number;
  /** A float from min (included) to max (excluded). */
  between(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by weight; entries with weight 0 are never chosen. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** A new array in random order; the input is left alone. */
  shuffle<T>(items: readonly T[]): T[];
  /** Up to `count` distinct items in random order. */
  sample<T>(items: readonly T[], count: number): T[];
}

/**
 * Mixes a seed and a stream number into one 32-bit seed, so each generated course can have its
 * own stream: course 7 is the same whether 10 or 100,000 courses are generated.
 */
export function mixSeed(seed: number, stream: number): number {
  // The finaliser of MurmurHash3: nearby inputs give unrelated outputs.
  let h = (seed ^ Math.imul(stream + 0x9e3779b9, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** mulberry32: tiny, fast and good enough for demo data (not for anything secret). */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));

  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(next() * items.length)];
    // An empty list is a mistake in the vocabulary, better caught loudly than turned into "undefined".
    if (item === undefined) throw new RangeError('Cannot pick from an empty list');
    return item;
  };

  const weighted = <T>(entries: readonly (readonly [T, number])[]): T => {
    let total = 0;
    for (const [, weight] of entries) total += weight;
    let target = next() * total;
    for (const [value, weight] of entries) {
      if (weight <= 0) continue;
      target -= weight;
      if (target < 0) return value;
    }
    // Floating-point rounding can leave a sliver at the end: give it to the last positive entry.
    for (let index = entries.length - 1; index >= 0; index -= 1) {
      const entry = entries[index];
      if (entry && entry[1] > 0) return entry[0];
    }
    throw new RangeError('Cannot pick by weight when no entry has a positive weight');
  };

  const shuffle = <T>(items: readonly T[]): T[] => {
    const copy = items.slice();
    for (let index = copy.length - 1; index > 0; index -= 1) {
      const other = Math.floor(next() * (index + 1));
      const a = copy[index] as T;
      copy[index] = copy[other] as T;
      copy[other] = a;
    }
    return copy;
  };

  return {
    next,
    int,
    between: (min, max) => min + next() * (max - min),
    chance: (probability) => next() < probability,
    pick,
    weighted,
    shuffle,
    sample: (items, count) => shuffle(items).slice(0, Math.max(0, count)),
  };
}
