// Playing a lesson: the simulation of its scenario, the step the student is on, and what
// completes each step. On every change of the simulation the current step's action and
// conditions are checked; a completed step stays completed (going back in time undoes
// nothing). A step with a prediction waits for the answer before it can complete, and a
// running simulation pauses when such a step begins (and resumes once the guess is made), so
// the result is never seen before the guess.

import { createStore, type StoreApi } from "zustand/vanilla";
import type { Command } from "../engine/index.ts";
import type { Lesson } from "../scenario/index.ts";
import { intendedCommand } from "./lessonActions.ts";
import { describeCondition } from "./lessonDescribe.ts";
import type { StepBaseline } from "./lessonConditions.ts";
import { openLessonRun, type LessonRun } from "./lessonRuns.ts";
import type { LessonProgress, ProgressStoreApi } from "./progress.ts";
import type { ServicesStoreApi } from "./servicesStore.ts";
import type { SimStoreApi } from "./simStore.ts";

/** One thing a step waits for, as the step panel lists it. */
export interface StatusItem {
  met: boolean;
  /** The condition in words; `now` is what is measured at the moment (numbers only). */
  text: string;
  now: number | null;
  /** Set for the step's action (the panel words it). */
  action?: true;
}

export interface LessonPlayer {
  lesson: Lesson;
  /** The Kafka simulator a Kafka lesson runs on (null for a services lesson). */
  sim: SimStoreApi | null;
  /** The side-by-side comparison a services lesson runs on (null for a Kafka lesson). */
  services: ServicesStoreApi | null;
  /** Bumped on every change of the run, so views can follow it. */
  frame: number;
  /** The step on screen. */
  stepIndex: number;
  /** The furthest step begun; every step before it is complete. */
  reached: number;
  /** Whether each step is complete. */
  complete: boolean[];
  /** The baseline of the step being worked on (`reached`). */
  baseline: StepBaseline;
  /** The choice made for each step's prediction, or null. */
  answers: (number | null)[];
  /** All steps done and Next pressed on the last. */
  finished: boolean;
  next: () => void;
  back: () => void;
  goTo: (index: number) => void;
  answer: (choice: number) => void;
  /** Issues the current step's command (the button of a step with a label). */
  doAction: () => void;
  /** The command the current step asks for, if it has an action. */
  intended: () => Command | null;
  /** What a step waits for, each item met or not (its action first, then its conditions). */
  status: (stepIndex: number) => StatusItem[];
  /** Checks the current step now (the store does this on every simulation change). */
  check: () => void;
  /** Listens to the simulation again after dispose (a view that mounts twice). */
  connect: () => void;
  /** Stops listening to the simulation. */
  dispose: () => void;
}

export type LessonPlayerApi = StoreApi<LessonPlayer>;

/** A step that asks nothing: it is complete once read. */
const isReading = (lesson: Lesson, i: number): boolean => {
  const s = lesson.steps[i];
  return s !== undefined && !s.action && s.until.length === 0;
};

export function createLessonPlayer(
  lesson: Lesson,
  progress?: ProgressStoreApi,
): { ok: true; player: LessonPlayerApi } | { ok: false; errors: string[] } {
  const opened = openLessonRun(lesson);
  if (!opened.ok) return opened;
  const run: LessonRun = opened.run;
  const n = lesson.steps.length;

  const record = (change: (l: LessonProgress) => LessonProgress): void =>
    progress?.getState().update(lesson.id, change);

  let resumeAfterGuess = false;
  const player = createStore<LessonPlayer>()((set, get) => {
    const begin = (index: number): void => {
      const step = lesson.steps[index];
      set({ reached: index, stepIndex: index, baseline: run.baseline() });
      if (step?.predict && run.playing()) {
        run.pause();
        resumeAfterGuess = true;
      }
      get().check();
    };
    const completeStep = (index: number): void => {
      const complete = [...get().complete];
      complete[index] = true;
      set({ complete });
      record((l) => ({ ...l, stepsDone: Math.max(l.stepsDone, index + 1) }));
    };
    return {
      lesson,
      sim: run.sim,
      services: run.services,
      frame: 0,
      stepIndex: 0,
      reached: 0,
      complete: Array.from({ length: n }, () => false),
      baseline: run.baseline(),
      answers: Array.from({ length: n }, () => null),
      finished: false,
      next: () => {
        const s = get();
        const i = s.stepIndex;
        if (i < s.reached) {
          set({ stepIndex: i + 1 });
          return;
        }
        if (isReading(lesson, i) && !s.complete[i]) completeStep(i);
        if (!get().complete[i]) return;
        if (i + 1 < n) begin(i + 1);
        else if (!s.finished) {
          set({ finished: true });
          record((l) => ({ ...l, stepsDone: n, finished: true }));
        }
      },
      back: () => set((s) => ({ stepIndex: Math.max(0, s.stepIndex - 1) })),
      goTo: (index) => {
        if (index >= 0 && index <= get().reached) set({ stepIndex: index });
      },
      answer: (choice) => {
        const s = get();
        const i = s.reached;
        const predict = lesson.steps[i]?.predict;
        if (!predict || s.answers[i] !== null || !predict.choices[choice]) return;
        const answers = [...s.answers];
        answers[i] = choice;
        set({ answers });
        const right = predict.choices[choice].correct;
        record((l) => ({ ...l, predictions: { ...l.predictions, [String(i)]: right } }));
        // The lesson paused the run for the guess; with the guess made, it goes on.
        if (resumeAfterGuess) run.play();
        resumeAfterGuess = false;
        get().check();
      },
      intended: () => {
        const s = get();
        const action = lesson.steps[s.reached]?.action;
        return action && "engineCommand" in action ? intendedCommand(action, s.baseline) : null;
      },
      doAction: () => {
        const s = get();
        const step = lesson.steps[s.reached];
        if (!step || (step.predict && s.answers[s.reached] === null)) return;
        run.takeAction(step, s.baseline);
      },
      status: (stepIndex) => {
        const s = get();
        const step = lesson.steps[stepIndex];
        if (!step) return [];
        const done = s.complete[stepIndex] === true;
        const current = stepIndex === s.reached;
        const out: StatusItem[] = [];
        if (step.action)
          out.push({
            met: done || (current && run.actionTaken(step, s.baseline)),
            text: "",
            now: null,
            action: true,
          });
        for (const c of step.until) {
          const m = run.measure(c, s.baseline);
          out.push({
            met: done || (current && run.holds(c, s.baseline)),
            text: describeCondition(c),
            now: typeof m === "number" ? m : null,
          });
        }
        return out;
      },
      check: () => {
        const s = get();
        const i = s.reached;
        const step = lesson.steps[i];
        if (!step || s.complete[i] || isReading(lesson, i)) return;
        if (step.predict && s.answers[i] === null) return;
        if (!run.actionTaken(step, s.baseline)) return;
        if (!step.until.every((c) => run.holds(c, s.baseline))) return;
        completeStep(i);
      },
      connect: () => {
        if (unsubscribe) return;
        unsubscribe = run.subscribe(() => {
          set((s) => ({ frame: s.frame + 1 }));
          get().check();
        });
        get().check();
      },
      dispose: () => {
        unsubscribe?.();
        unsubscribe = null;
      },
    };
  });
  let unsubscribe: (() => void) | null = null;
  player.getState().connect();
  // Where the student left off is not restored: a lesson replays from its start, which is
  // what makes each step's result appear again. Progress keeps which steps were done.
  return { ok: true, player };
}
