// Every challenge's own solution passes its goal under every fault plan, and an obviously
// wrong answer (the initial values, or one the test names) fails it.

import { describe, expect, it } from "vitest";
import { checkChallenge, challengeStars, lessonCatalog } from "../../src/store/index.ts";

const withChallenge = lessonCatalog().lessons.filter((l) => l.challenge !== undefined);

/** For each challenge: answers that must fail, besides the initial values. */
const WRONG: Record<string, Record<string, number | string | boolean>[]> = {
  "scaling-with-partitions": [
    { partitions: 4, consumers: 4 },
    { partitions: 1, consumers: 8 },
  ],
  "acks-and-min-isr": [
    { acks: "1", minIsr: 2, unclean: false },
    { acks: "0", minIsr: 2, unclean: false },
    { acks: "all", minIsr: 2, unclean: true },
  ],
  "consumers-and-partitions": [
    { partitions: 1, consumers: 8 },
    { partitions: 3, consumers: 3 },
  ],
};

describe.each(withChallenge.map((l) => [l.id, l] as const))("challenge of %s", (id, lesson) => {
  const challenge = lesson.challenge!;
  it("passes with its own solution", () => {
    const outcome = checkChallenge(challenge, challenge.solution);
    expect(outcome.kind).toBe("ran");
    if (outcome.kind !== "ran") return;
    expect(outcome.runs.flatMap((r) => r.failures)).toEqual([]);
    expect(outcome.passed).toBe(true);
    if (challenge.bestCost !== undefined) expect(outcome.cost).toBe(challenge.bestCost);
  });

  it("fails with the initial values and with obviously wrong answers", () => {
    const initial = Object.fromEntries(challenge.parameters.map((p) => [p.id, p.initial]));
    for (const answer of [initial, ...(WRONG[id] ?? [])]) {
      const outcome = checkChallenge(challenge, answer);
      expect(outcome.kind === "ran" && outcome.passed, JSON.stringify(answer)).toBe(false);
    }
  });
});

describe("the score", () => {
  it("gives three stars for a first, unaided, cheapest pass and takes one off for each lapse", () => {
    const clean = {
      hintUsed: false,
      solutionShown: false,
      failedAttempts: 0,
      cost: 8,
      bestCost: 8,
    };
    expect(challengeStars(clean)).toBe(3);
    expect(challengeStars({ ...clean, hintUsed: true })).toBe(2);
    expect(challengeStars({ ...clean, cost: 9 })).toBe(2);
    expect(challengeStars({ ...clean, failedAttempts: 3, hintUsed: true, cost: 12 })).toBe(1);
    expect(challengeStars({ ...clean, solutionShown: true })).toBe(1);
  });
});
