// Every lesson, played through headless as a student would: answer each prediction (the right
// choice), take each step's action, let virtual time pass until the step completes, then Next.
// Each step must complete in order, within a bound of virtual time, and only once its action
// was taken and its conditions hold.

import { describe, expect, it } from "vitest";
import { createLessonPlayer, lessonCatalog, type LessonPlayerApi } from "../../src/store/index.ts";

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
