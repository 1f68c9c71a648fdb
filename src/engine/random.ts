// Seeded randomness with named streams (one per purpose), so adding a producer does not shift
// the random sequence of every replica. Stream states live in SimState.rng.

/** Whatever carries the streams: the Kafka state, or the services model's. */
export interface Seeded {
  seed: number;
  rng: Record<string, number>;
}

function hashString(s: string, seed: number): number {
  let h = seed ^ 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  }
  return h >>> 0;
}

/**
 * A float in [0, 1) from the named stream: mulberry32, a 32-bit state, good enough for
 * simulation and trivially serializable. Its step is written inline (no tuple per draw).
 */
export function random(state: Seeded, stream: string): number {
  const current = state.rng[stream] ?? hashString(stream, state.seed);
  const s = (current + 0x6d2b79f5) | 0;
  state.rng[stream] = s;
  let t = Math.imul(s ^ (s >>> 15), 1 | s);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** An integer in [0, bound). */
export function randomInt(state: Seeded, stream: string, bound: number): number {
  return Math.floor(random(state, stream) * bound);
}

/** A non-negative 31-bit integer, like Kafka's Utils.toPositive(random.nextInt()). */
export function randomPositiveInt(state: Seeded, stream: string): number {
  return Math.floor(random(state, stream) * 2147483648);
}

/** A fixed pseudo-random value for a name, independent of any stream (e.g. per-link latency). */
export function stableFraction(seed: number, name: string): number {
  return hashString(name, seed) / 4294967296;
}
