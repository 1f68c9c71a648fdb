// Every lesson, played through headless as a student would: answer each prediction (the right
// choice), take each step's action, let virtual time pass until the step completes, then Next.
// Each step must complete in order, within a bound of virtual time, and only once its action
// was taken and its conditions hold.

import { describe, expect, it } from "vitest";
import { formatProblem, validateScenario } from "../../src/scenario/index.ts";
import {
  createLessonPlayer,
  createSimStore,
  lessonCatalog,
  type LessonPlayerApi,
} from "../../src/store/index.ts";

const STEP_BUDGET_MS = 120_000;
const SLICE_MS = 250;

/** Lets virtual time pass on whichever simulation the lesson runs. */
function advance(player: LessonPlayerApi, ms: number): void {
  const { sim, services } = player.getState();
  if (sim) sim.getState().seek(sim.getState().run.state.time + ms);
  if (services) {
    const s = services.getState();
    s.seek(s.run.sides[0].state.time + ms);
  }
}

/** Whether every condition of the step holds now (its action aside). */
function conditionsHold(player: LessonPlayerApi, stepIndex: number): boolean {
  return player
    .getState()
    .status(stepIndex)
    .every((item) => item.action === true || item.met);
}

/** The run's error, if the engine reported one. */
function runError(player: LessonPlayerApi): string | null {
  const { sim, services } = player.getState();
  return sim?.getState().error ?? services?.getState().error ?? null;
}

const { lessons, broken } = lessonCatalog();

describe("the lesson catalog", () => {
  it("reads every chapter without a problem", () => {
    expect(broken).toEqual([]);
    expect(lessons.length).toBeGreaterThan(0);
  });

  it("numbers the chapters 1, 2, 3, ... in order, with unique ids", () => {
    expect(lessons.map((l) => l.chapter)).toEqual(lessons.map((_, i) => i + 1));
    expect(new Set(lessons.map((l) => l.id)).size).toBe(lessons.length);
  });
});

describe.each(lessons.map((l) => [l.chapter, l.title, l] as const))(
  "chapter %i, %s",
  (_n, _title, lesson) => {
    it("plays through: every step completes in order", () => {
      const made = createLessonPlayer(lesson);
      if (!made.ok) throw new Error(made.errors.join("; "));
      const player = made.player;
      for (let i = 0; i < lesson.steps.length; i++) {
        const step = lesson.steps[i]!;
        expect(player.getState().reached).toBe(i);
        const interactive = step.action !== undefined || step.until.length > 0;
        if (interactive) expect(player.getState().complete[i]).toBe(false);
        if (step.predict) {
          // Nothing completes before the prediction is made.
          advance(player, SLICE_MS);
          expect(player.getState().complete[i]).toBe(false);
          player.getState().answer(step.predict.choices.findIndex((c) => c.correct));
        }
        if (step.action) {
          // Conditions alone never complete a step whose action was not taken.
          if (conditionsHold(player, i)) expect(player.getState().complete[i]).toBe(false);
          player.getState().doAction();
        }
        let spent = 0;
        while (!player.getState().complete[i] && interactive && spent < STEP_BUDGET_MS) {
          advance(player, SLICE_MS);
          spent += SLICE_MS;
        }
        expect(runError(player), `step ${i + 1}: the engine reported an error`).toBeNull();
        if (interactive)
          expect(
            player.getState().complete[i],
            `step ${i + 1} ("${step.text.slice(0, 50)}…") did not complete within ${STEP_BUDGET_MS / 1000} s of virtual time`,
          ).toBe(true);
        if (process.env["LESSON_TRACE"])
          console.log(`${lesson.id} step ${i + 1} done after ${spent} ms`);
        player.getState().next();
      }
      expect(player.getState().finished).toBe(true);
      player.getState().dispose();
    });
  },
);

describe("chapter retries-and-ordering, played", () => {
  const lesson = lessons.find((l) => l.id === "retries-and-ordering");

  /** Plays the current step to completion (right answer, action, time) and returns its state. */
  function playStep(player: LessonPlayerApi, i: number) {
    const step = lesson!.steps[i]!;
    if (step.predict) player.getState().answer(step.predict.choices.findIndex((c) => c.correct));
    if (step.action) player.getState().doAction();
    let spent = 0;
    while (!player.getState().complete[i] && spent < STEP_BUDGET_MS) {
      advance(player, SLICE_MS);
      spent += SLICE_MS;
    }
    return player.getState().sim!.getState().run.state;
  }

  it("shows duplicates first, then asks before payments-1 is reordered at about 19 s", () => {
    if (!lesson) throw new Error("the chapter is missing from the catalog");
    expect(lesson.chapter).toBe(lessons.find((l) => l.id === "idempotence")!.chapter + 1);
    const made = createLessonPlayer(lesson);
    if (!made.ok) throw new Error(made.errors.join("; "));
    const player = made.player;
    playStep(player, 0);
    player.getState().next();

    const afterDuplicates = playStep(player, 1);
    const duplicates = afterDuplicates.audit.duplicates.reduce((n, d) => n + d.count, 0);
    expect(duplicates).toBeGreaterThanOrEqual(1);
    expect(afterDuplicates.audit.orderViolations).toEqual([]);
    expect(afterDuplicates.time).toBeLessThan(19_000);
    expect(
      player
        .getState()
        .status(1)
        .every((s) => s.met),
    ).toBe(true);
    player.getState().next();

    // The reordering question is asked before anything is out of order.
    const asked = player.getState().sim!.getState().run.state;
    expect(asked.audit.orderViolations).toEqual([]);
    const duplicatesOnP1Before = asked.audit.duplicates.filter((d) => d.partition === 1).length;
    const reordered = playStep(player, 2);
    expect(player.getState().complete[2]).toBe(true);
    expect(reordered.time).toBeGreaterThanOrEqual(19_000);
    expect(reordered.time).toBeLessThan(20_000);
    expect(reordered.audit.orderViolations.length).toBeGreaterThanOrEqual(1);
    for (const v of reordered.audit.orderViolations)
      expect([v.topic, v.partition, v.producer]).toEqual(["payments", 1, "billing"]);
    const status = player.getState().status(2);
    expect(status).toEqual([
      {
        met: true,
        text: "the audit's out-of-order count is at least 1",
        now: reordered.audit.orderViolations.length,
      },
    ]);
    // One refused batch lands as a duplicate: broker 3 had already copied it from broker 1.
    advance(player, 500);
    const settled = player.getState().sim!.getState().run.state;
    expect(settled.audit.duplicates.filter((d) => d.partition === 1).length).toBeGreaterThan(
      duplicatesOnP1Before,
    );
    player.getState().dispose();
  });

  it("has neither duplicates nor reordering with enable.idempotence=true, as its last step says", () => {
    if (!lesson || lesson.simulation !== "kafka") throw new Error("a Kafka chapter was expected");
    const doc = structuredClone(lesson.scenario);
    for (const p of doc.producers) p.config = { ...p.config, "enable.idempotence": true };
    const checked = validateScenario(doc);
    if (!checked.ok) throw new Error(checked.problems.map(formatProblem).join("; "));
    const made = createSimStore(checked.spec);
    if (!made.ok) throw new Error(made.errors.join("; "));
    made.store.getState().seek(40_000);
    const { audit, topics } = made.store.getState().run.state;
    expect(audit.duplicates).toEqual([]);
    expect(audit.orderViolations).toEqual([]);
    expect(audit.lost).toEqual([]);
    // The same failover happened: payments-1 moved to a new leader.
    expect(topics["payments"]!.partitions[1]!.leaderEpoch).toBeGreaterThanOrEqual(1);
  });
});
