/**
 * A small seeded pseudo-random generator for the demo catalogue. The demo must be the same on
 * every machine and every run (tests, screenshots and benchmarks compare against it), so nothing
 * here reads the clock or Math.random.
 */

export type Weighted<T> = readonly (readonly [T, number])[];

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

/**
 * mulberry32: tiny, fast and good enough for demo data (not for anything secret). A class rather
 * than closures because the generator makes one per course, 100,000 of them for the benchmark.
 */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A whole number from min to max, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A float from min (included) to max (excluded). */
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    // An empty list is a mistake in the vocabulary, better caught loudly than turned into "undefined".
    if (item === undefined) throw new RangeError('Cannot pick from an empty list');
    return item;
  }

  /** Picks by weight; entries with weight 0 are never chosen. */
  weighted<T>(entries: Weighted<T>): T {
    // Indexed loops: destructuring tuples goes through the iterator protocol, which the benchmark feels.
    let total = 0;
    for (let index = 0; index < entries.length; index += 1) {
      const weight = (entries[index] as readonly [T, number])[1];
      if (weight > 0) total += weight;
    }
    let target = this.next() * total;
    let last: readonly [T, number] | undefined;
    for (let index = 0; index < entries.length; index += 1) {
      const entry = entries[index] as readonly [T, number];
      if (entry[1] <= 0) continue;
      last = entry;
      target -= entry[1];
      if (target < 0) return entry[0];
    }
    // Floating-point rounding can leave a sliver at the end: it belongs to the last positive entry.
    if (last) return last[0];
    throw new RangeError('Cannot pick by weight when no entry has a positive weight');
  }

  /** A new array in random order; the input is left alone. */
  shuffle<T>(items: readonly T[]): T[] {
    return this.sample(items, items.length);
  }

  /** Up to `count` distinct items in random order (a partial Fisher-Yates shuffle of a copy). */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = items.slice();
    const wanted = Math.max(0, Math.min(count, copy.length));
    for (let index = 0; index < wanted; index += 1) {
      const other = index + Math.floor(this.next() * (copy.length - index));
      const chosen = copy[other] as T;
      copy[other] = copy[index] as T;
      copy[index] = chosen;
    }
    copy.length = wanted;
    return copy;
  }
}

export function createRandom(seed: number): Random {
  return new Random(seed);
}
