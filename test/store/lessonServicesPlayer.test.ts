// The lesson player on the services simulation: its actions are taken by the step's button or
// the comparison's own buttons (never before the step began), its conditions read the figures
// of one side, a prediction pauses the run, and a switch of situation restarts the clock.

import { describe, expect, it } from "vitest";
import { validateLesson } from "../../src/scenario/index.ts";
import { createLessonPlayer, type LessonPlayerApi } from "../../src/store/index.ts";

const PREDICT = {
  question: "What happens?",
  choices: [
    { text: "Direct calls fail", correct: true },
    { text: "Nothing", correct: false },
  ],
  explanation: "Because.",
};

function playerOf(steps: unknown[], services: Record<string, unknown> = {}): LessonPlayerApi {
  const r = validateLesson({
    id: "t",
    chapter: 1,
    title: "T",
    summary: "S",
    simulation: "services",
    services: { preset: "receiver-down", timeline: false, durationMs: 60000, ...services },
    steps,
  });
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
  const made = createLessonPlayer(r.lesson);
  if (!made.ok) throw new Error(made.errors.join());
  return made.player;
}

const store = (p: LessonPlayerApi) => p.getState().services!;
const run = (p: LessonPlayerApi, ms: number): void => {
  const s = store(p).getState();
  s.seek(s.run.sides[0].state.time + ms);
};

describe("a services lesson", () => {
  it("runs the situation without its own faults when told, for the lesson's length", () => {
    const p = playerOf([{ text: "Read." }]);
    expect(p.getState().sim).toBeNull();
    const s = store(p).getState();
    expect(s.run.durationMs).toBe(60000);
    run(p, 20000);
    // receiver-down takes orders-1 away at 5 s; without its timeline it stays up.
    expect(store(p).getState().run.sides[0].state.receivers["orders-1"]!.up).toBe(true);
  });

  it("completes a step when its action is taken and the side's figure is in range", () => {
    const p = playerOf([
      {
        text: "Take it down.",
        action: { do: "stopReceiver", receiver: "orders-1", label: "Down" },
        until: [{ servicesFailed: { side: "direct", reason: "receiver down", atLeast: 20 } }],
      },
    ]);
    run(p, 2000);
    expect(p.getState().complete[0]).toBe(false);
    p.getState().doAction();
    expect(p.getState().status(0)[0]).toMatchObject({ met: true, action: true });
    expect(p.getState().complete[0]).toBe(false);
    run(p, 4000);
    expect(p.getState().complete[0]).toBe(true);
    expect(p.getState().status(0)[1]!.text).toBe(
      "at least 20 messages fail (receiver down) on the direct side",
    );
  });

  it("counts the comparison's own button, but not a command issued before the step began", () => {
    const p = playerOf([
      { text: "Read." },
      { text: "Take it down.", action: { do: "stopReceiver", receiver: "orders-1" } },
    ]);
    // Taken during the reading step: it does not complete the next one.
    store(p).getState().issue({ type: "stopReceiver", receiver: "orders-1" });
    p.getState().next();
    expect(p.getState().reached).toBe(1);
    expect(p.getState().complete[1]).toBe(false);
    store(p).getState().issue({ type: "startReceiver", receiver: "orders-1" });
    expect(p.getState().complete[1]).toBe(false);
    store(p).getState().issue({ type: "stopReceiver", receiver: "orders-1" });
    expect(p.getState().complete[1]).toBe(true);
  });

  it("pauses for a prediction, refuses the action before the guess, and resumes after it", () => {
    const p = playerOf([
      { text: "Read." },
      {
        text: "Take it down.",
        predict: PREDICT,
        action: { do: "stopReceiver", receiver: "orders-1", label: "Down" },
      },
    ]);
    store(p).getState().play();
    p.getState().next();
    expect(store(p).getState().playing).toBe(false);
    p.getState().doAction();
    expect(store(p).getState().log).toEqual([]);
    p.getState().answer(0);
    expect(store(p).getState().playing).toBe(true);
    p.getState().doAction();
    expect(p.getState().complete[1]).toBe(true);
  });

  it("switches the situation, and measures elapsed time from the switch", () => {
    const p = playerOf([
      { text: "Read." },
      {
        text: "Switch.",
        action: { do: "choosePreset", preset: "push-pull", label: "Switch" },
        until: [
          { elapsed: { atLeast: 3000 } },
          { servicesDelivered: { side: "push", atLeast: 50 } },
        ],
      },
    ]);
    run(p, 10000);
    p.getState().next();
    p.getState().doAction();
    expect(store(p).getState().presetId).toBe("push-pull");
    // The new situation starts at 0 s: elapsed counts from there, not from 10 s.
    expect(p.getState().status(1)[1]!.now).toBe(0);
    run(p, 2000);
    expect(p.getState().complete[1]).toBe(false);
    run(p, 2000);
    expect(p.getState().complete[1]).toBe(true);
    // The lesson's options hold for the new situation too: its length, and no scheduled faults
    // (push-pull would slow orders-2 down at 0 s).
    const sides = store(p).getState().run.sides;
    expect(store(p).getState().run.durationMs).toBe(60000);
    expect(sides[0].state.metrics.failed).toBe(0);
  });
});
