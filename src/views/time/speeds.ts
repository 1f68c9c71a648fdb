import { MAX_SPEED, MIN_SPEED } from "../../store/index.ts";

/** Round speeds for the + and − keys, from 1/100x to 100x. */
const STOPS = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100].filter(
  (s) => s >= MIN_SPEED && s <= MAX_SPEED,
);

export function fasterSpeed(speed: number): number {
  return STOPS.find((s) => s > speed * 1.001) ?? MAX_SPEED;
}

export function slowerSpeed(speed: number): number {
  return [...STOPS].reverse().find((s) => s < speed * 0.999) ?? MIN_SPEED;
}
