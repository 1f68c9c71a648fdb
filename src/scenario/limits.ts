// How big a classroom scenario may be. The same numbers bound the validator's own work, so a
// hostile document costs no more to check than a large honest one.

import type { Problem } from "./problems.ts";

/** Sizes a classroom scenario stays within; they also bound the validator's own work. */
export const SCENARIO_LIMITS = {
  brokers: 200,
  brokerId: 2147483647,
  topics: 1000,
  partitionsPerTopic: 10000,
  partitionsInAll: 10000,
  producers: 200,
  consumerGroups: 50,
  ratePerSec: 10000,
  keys: 10000,
  keyLength: 1000,
  valueLength: 100000,
  headers: 100,
  timeline: 10000,
  produceCount: 100000,
  nameLength: 200,
  descriptionLength: 20000,
  problems: 100,
  /** Past this many problems the checking stops: nobody reads them all, and work stays bounded. */
  problemsChecked: 500,
} as const;

export const enough = (problems: Problem[]): boolean =>
  problems.length >= SCENARIO_LIMITS.problemsChecked;
