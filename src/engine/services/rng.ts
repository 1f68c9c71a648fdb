// Seeded named random streams carried in the state (the engine's mulberry32 streams). Arrivals,
// kinds and validity have streams of their own, so both sides of a comparison see exactly the
// same messages at the same times.

import { random } from "../random.ts";
import type { ServicesState } from "./types.ts";

/** A float in [0, 1) from the named stream. */
export function draw(state: ServicesState, stream: string): number {
  return random(state, stream);
}

/** Exponentially distributed with the given mean: the gaps between Poisson arrivals. */
export function drawExponential(state: ServicesState, stream: string, mean: number): number {
  return -Math.log(1 - draw(state, stream)) * mean;
}
