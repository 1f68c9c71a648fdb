// What a lesson runs on, behind one face: the Kafka simulator or the services comparison. The
// player asks it for a baseline, whether a step's action was taken and its conditions hold,
// to take the action, and to pause or resume for a prediction.

import type { Condition, Lesson, Step } from "../scenario/index.ts";
import { actionTaken, intendedCommand } from "./lessonActions.ts";
import { baselineOf, holds, measure, type StepBaseline } from "./lessonConditions.ts";
import {
  holdsServices,
  measureServices,
  servicesActionTaken,
  servicesBaselineOf,
  takeServicesAction,
} from "./lessonServices.ts";
import { createServicesStore, type ServicesStoreApi } from "./servicesStore.ts";
import { createSimStore, type SimStoreApi } from "./simStore.ts";

export interface LessonRun {
  sim: SimStoreApi | null;
  services: ServicesStoreApi | null;
  baseline: () => StepBaseline;
  playing: () => boolean;
  play: () => void;
  pause: () => void;
  /** Whether the step's action (if any) was taken since `base`. */
  actionTaken: (step: Step, base: StepBaseline) => boolean;
  measure: (c: Condition, base: StepBaseline) => number | boolean;
  holds: (c: Condition, base: StepBaseline) => boolean;
  takeAction: (step: Step, base: StepBaseline) => void;
  /** Calls back on every change of the run. */
  subscribe: (onChange: () => void) => () => void;
}

function kafkaRun(sim: SimStoreApi): LessonRun {
  const state = () => sim.getState().run.state;
  return {
    sim,
    services: null,
    baseline: () => baselineOf(state()),
    playing: () => sim.getState().playing,
    play: () => sim.getState().play(),
    pause: () => sim.getState().pause(),
    actionTaken: (step, base) =>
      !step.action ||
      ("engineCommand" in step.action &&
        actionTaken(step.action, base, sim.getState().run.commands)),
    measure: (c, base) => measure(c, state(), base),
    holds: (c, base) => holds(c, state(), base),
    takeAction: (step, base) => {
      if (step.action && "engineCommand" in step.action)
        sim.getState().issue(intendedCommand(step.action, base));
    },
    subscribe: (onChange) =>
      sim.subscribe((s, prev) => {
        if (s.frame !== prev.frame) onChange();
      }),
  };
}

function servicesRun(store: ServicesStoreApi): LessonRun {
  return {
    sim: null,
    services: store,
    baseline: () => servicesBaselineOf(store.getState()),
    playing: () => store.getState().playing,
    play: () => store.getState().play(),
    pause: () => store.getState().pause(),
    actionTaken: (step, base) =>
      !step.action ||
      ("services" in step.action && servicesActionTaken(step.action, store.getState(), base)),
    measure: (c, base) => measureServices(c, store.getState(), base),
    holds: (c, base) => holdsServices(c, store.getState(), base),
    takeAction: (step) => {
      if (step.action && "services" in step.action)
        takeServicesAction(step.action, store.getState());
    },
    subscribe: (onChange) =>
      store.subscribe((s, prev) => {
        if (s.frame !== prev.frame || s.log !== prev.log) onChange();
      }),
  };
}

export function openLessonRun(
  lesson: Lesson,
): { ok: true; run: LessonRun } | { ok: false; errors: string[] } {
  if (lesson.simulation === "services") {
    const { preset, durationMs, timeline } = lesson.services;
    const options = durationMs === undefined ? { timeline } : { timeline, durationMs };
    const store = createServicesStore(preset, options);
    const error = store.getState().error;
    return error ? { ok: false, errors: [error] } : { ok: true, run: servicesRun(store) };
  }
  const opened = createSimStore(lesson.spec);
  return opened.ok ? { ok: true, run: kafkaRun(opened.store) } : opened;
}
