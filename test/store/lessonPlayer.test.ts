// The lesson player's rules: what completes a step, what waits for a prediction, what moves on,
// and what reaches the student's progress.

import { describe, expect, it } from "vitest";
import { validateLesson } from "../../src/scenario/index.ts";
import {
  createLessonPlayer,
  createProgressStore,
  type Lesson,
  type LessonPlayerApi,
} from "../../src/store/index.ts";

const SCENARIO = {
  version: 1,
  name: "t",
  seed: 7,
  brokers: 3,
  topics: [
    {
      name: "orders",
      partitions: 1,
      replicationFactor: 3,
      replicaAssignment: [[2, 1, 3]],
      config: {},
    },
  ],
  producers: [
    { id: "checkout", topic: "orders", acks: "all", ratePerSec: 10, keys: null, config: {} },
  ],
  consumerGroups: [],
  cluster: { "broker.session.timeout.ms": 6000 },
  timeline: [],
};

const PREDICT = {
  question: "What happens?",
  choices: [
    { text: "A new leader", correct: true },
    { text: "Nothing", correct: false },
  ],
  explanation: "Because.",
};

function lessonOf(steps: unknown[]): Lesson {
  const r = validateLesson({
    id: "t",
    chapter: 1,
    title: "T",
    summary: "S",
    scenario: SCENARIO,
    steps,
  });
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
  return r.lesson;
}

function playerOf(steps: unknown[], progress = createProgressStore(null)): LessonPlayerApi {
  const made = createLessonPlayer(lessonOf(steps), progress);
  if (!made.ok) throw new Error(made.errors.join());
  return made.player;
}

const run = (p: LessonPlayerApi, ms: number): void => {
  const sim = p.getState().sim!.getState();
  sim.seek(sim.run.state.time + ms);
};

describe("the lesson player", () => {
  it("completes a step only once its action is taken, however its conditions stand", () => {
    const p = playerOf([
      {
        text: "Kill the leader.",
        action: { do: "killBroker", broker: { leaderOf: { topic: "orders", partition: 0 } } },
        until: [{ time: { atLeast: 1000 } }],
      },
    ]);
    run(p, 2000);
    expect(p.getState().complete[0]).toBe(false);
    // The leader at the step's start is broker 2 (first in the assignment).
    expect(p.getState().intended()).toEqual({ type: "killBroker", broker: 2 });
    // Another broker's kill is not the asked-for action.
    p.getState().sim!.getState().issue({ type: "killBroker", broker: 3 });
    expect(p.getState().complete[0]).toBe(false);
    // The student uses the simulator's own control, not the step's button.
    p.getState().sim!.getState().issue({ type: "killBroker", broker: 2 });
    expect(p.getState().complete[0]).toBe(true);
  });

  it("refuses Next on an unfinished step and goes back to finished ones", () => {
    const p = playerOf([
      { text: "Wait.", until: [{ time: { atLeast: 1000 } }] },
      { text: "Read." },
    ]);
    p.getState().next();
    expect(p.getState().stepIndex).toBe(0);
    run(p, 1000);
    p.getState().next();
    expect(p.getState().stepIndex).toBe(1);
    p.getState().back();
    expect(p.getState().stepIndex).toBe(0);
    p.getState().goTo(1);
    p.getState().next();
    p.getState().next();
    expect(p.getState().finished).toBe(true);
  });

  it("holds a step with a prediction until the guess, pausing a running simulation", () => {
    const p = playerOf([
      { text: "Read." },
      {
        text: "Kill broker 2.",
        predict: PREDICT,
        action: { do: "killBroker", broker: 2, label: "Kill broker 2" },
        until: [{ leaderChanged: { topic: "orders", partition: 0 } }],
      },
    ]);
    const sim = p.getState().sim!;
    sim.getState().play();
    p.getState().next();
    expect(sim.getState().playing).toBe(false);
    // The button does nothing before the guess.
    p.getState().doAction();
    expect(sim.getState().run.commands).toEqual([]);
    p.getState().answer(1);
    expect(sim.getState().playing).toBe(true);
    // A second answer is not taken.
    p.getState().answer(0);
    expect(p.getState().answers[1]).toBe(1);
    p.getState().doAction();
    expect(p.getState().complete[1]).toBe(false);
    run(p, 10_000);
    expect(p.getState().complete[1]).toBe(true);
  });

  it("records the steps done, the predictions and the finish in the progress", () => {
    const progress = createProgressStore(null);
    const p = playerOf(
      [{ text: "Read." }, { text: "Wait.", predict: PREDICT, until: [{ time: { atLeast: 500 } }] }],
      progress,
    );
    p.getState().next();
    p.getState().answer(1);
    run(p, 500);
    expect(progress.getState().progress.lessons["t"]).toEqual({
      stepsDone: 2,
      finished: false,
      predictions: { "1": false },
    });
    p.getState().next();
    expect(progress.getState().progress.lessons["t"]!.finished).toBe(true);
  });

  it("stops and resumes listening to the simulation", () => {
    const p = playerOf([{ text: "Wait.", until: [{ time: { atLeast: 500 } }] }]);
    p.getState().dispose();
    run(p, 1000);
    expect(p.getState().complete[0]).toBe(false);
    p.getState().connect();
    expect(p.getState().complete[0]).toBe(true);
  });
});
