// Seeded named random streams carried in the state (mulberry32, as in ../random.ts, whose
// functions take the Kafka state). Arrivals, kinds and validity have streams of their own, so
// both sides of a comparison see exactly the same messages at the same times.

import type { ServicesState } from "./types.ts";

function hashString(s: string, seed: number): number {
  let h = seed ^ 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A float in [0, 1) from the named stream. */
export function draw(state: ServicesState, stream: string): number {
  const current = state.rng[stream] ?? hashString(stream, state.seed);
  const s = (current + 0x6d2b79f5) | 0;
  let t = Math.imul(s ^ (s >>> 15), 1 | s);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  state.rng[stream] = s;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** Exponentially distributed with the given mean: the gaps between Poisson arrivals. */
export function drawExponential(state: ServicesState, stream: string, mean: number): number {
  return -Math.log(1 - draw(state, stream)) * mean;
}
