// Checking a challenge: the student's configuration is run headless under each fault plan for
// the challenge's virtual time, and every goal condition must hold at the end of every run.
// The score comes from the hints used, the attempts and the resources the answer costs.

import {
  challengeCost,
  challengeScenario,
  formatProblem,
  type Challenge,
  type ParameterValues,
} from "../scenario/index.ts";
import { describeCondition } from "./lessonDescribe.ts";
import { baselineOf, holds, measure } from "./lessonConditions.ts";
import { advanceRun, createRun } from "./run.ts";
import { createSimStore, type SimStoreApi } from "./simStore.ts";

export interface PlanOutcome {
  plan: string;
  passed: boolean;
  /** Each goal condition that did not hold, with what was measured. */
  failures: string[];
}

export type ChallengeOutcome =
  | { kind: "invalid"; problems: string[] }
  | { kind: "ran"; passed: boolean; runs: PlanOutcome[]; cost: number };

export function checkChallenge(challenge: Challenge, values: ParameterValues): ChallengeOutcome {
  const plans =
    challenge.faultPlans.length > 0 ? challenge.faultPlans : [{ name: "", timeline: [] }];
  const runs: PlanOutcome[] = [];
  for (const plan of plans) {
    const built = challengeScenario(challenge, values, plan.timeline);
    if (!built.ok) return { kind: "invalid", problems: built.problems.map(formatProblem) };
    const created = createRun(built.spec, false);
    if (!created.ok)
      return { kind: "invalid", problems: created.errors.map((e) => `${e.name}: ${e.message}`) };
    const run = created.value;
    const err = advanceRun(run, challenge.until);
    if (err) return { kind: "invalid", problems: [`${err.name}: ${err.message}`] };
    const base = { ...baselineOf(run.state), time: 0 };
    const failures = challenge.pass
      .filter((c) => !holds(c, run.state, base))
      .map((c) => `${describeCondition(c)} — it was ${String(measure(c, run.state, base))}`);
    runs.push({ plan: plan.name, passed: failures.length === 0, failures });
  }
  return {
    kind: "ran",
    passed: runs.every((r) => r.passed),
    runs,
    cost: challengeCost(challenge, values),
  };
}

/**
 * The student's answer under one fault plan as a simulation to watch and scrub, like any
 * scenario: the same run the check made, but in the simulator.
 */
export function openChallengeRun(
  challenge: Challenge,
  values: ParameterValues,
  planIndex: number,
): { ok: true; store: SimStoreApi } | { ok: false; errors: string[] } {
  const plan = challenge.faultPlans[planIndex];
  const built = challengeScenario(challenge, values, plan?.timeline ?? []);
  if (!built.ok) return { ok: false, errors: built.problems.map(formatProblem) };
  return createSimStore(built.spec);
}

export interface ScoreInput {
  hintUsed: boolean;
  solutionShown: boolean;
  /** Checks that failed before the passing one. */
  failedAttempts: number;
  cost: number;
  bestCost?: number;
}

/**
 * Stars for a pass, 1 to 3: one off for the hint, one off after more than two failed checks,
 * one off for an answer costlier than the cheapest that passes; a revealed solution earns 1.
 */
export function challengeStars(s: ScoreInput): number {
  if (s.solutionShown) return 1;
  let stars = 3;
  if (s.hintUsed) stars--;
  if (s.failedAttempts > 2) stars--;
  if (s.bestCost !== undefined && s.cost > s.bestCost) stars--;
  return Math.max(1, stars);
}
