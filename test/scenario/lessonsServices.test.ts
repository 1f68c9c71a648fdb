// Reading services lessons: the situation, its actions and the conditions on its figures, with
// one clear message per problem at the field's path, and a guess for a misspelt name.

import { describe, expect, it } from "vitest";
import { formatProblem, validateLesson } from "../../src/scenario/index.ts";

const lesson = (steps: unknown[], extra: Record<string, unknown> = {}) => ({
  id: "a-services-lesson",
  chapter: 1,
  title: "A lesson",
  summary: "What it teaches.",
  simulation: "services",
  services: { preset: "calm" },
  steps,
  ...extra,
});

function problems(doc: unknown): string[] {
  const r = validateLesson(doc);
  return r.ok ? [] : r.problems.map(formatProblem);
}

describe("services lessons", () => {
  it("reads the situation, an action, conditions on each figure, highlights and a prediction", () => {
    const r = validateLesson(
      lesson(
        [
          {
            text: "Take orders-1 down.",
            highlight: [{ side: "direct" }, { receiver: "orders-1" }, { servicesPanel: "charts" }],
            predict: {
              question: "What then?",
              choices: [
                { text: "Direct calls fail", correct: true },
                { text: "Nothing", correct: false },
              ],
              explanation: "Coupling in time.",
            },
            action: { do: "stopReceiver", receiver: "orders-1", label: "Take it down" },
            until: [
              { servicesFailed: { side: "direct", reason: "receiver down", atLeast: 100 } },
              { servicesQueueDepth: { atLeast: 500 } },
              { servicesDelivered: { side: "broker", atLeast: 1 } },
              { servicesDeadLettered: { side: "broker", atMost: 0 } },
              { servicesDuplicates: { side: "direct", atMost: 10 } },
              { servicesSenderBusy: { side: "direct", atLeast: 90 } },
              { elapsed: { atLeast: 1000 } },
            ],
          },
        ],
        { services: { preset: "calm", durationMs: 60000, timeline: false } },
      ),
    );
    expect(r.ok).toBe(true);
    if (!r.ok || r.lesson.simulation !== "services") return;
    expect(r.lesson.services).toEqual({ preset: "calm", durationMs: 60000, timeline: false });
    const step = r.lesson.steps[0]!;
    expect(step.action).toEqual({
      services: { type: "stopReceiver", receiver: "orders-1" },
      label: "Take it down",
    });
    // The queue depth reads the broker side unless told otherwise.
    expect(step.until[1]).toEqual({ servicesQueueDepth: { side: "broker", atLeast: 500 } });
  });

  it("names an unknown kind with a guess, and a Kafka kind as belonging to the other simulator", () => {
    expect(
      problems(lesson([{ text: "x", until: [{ servicesFaild: { side: "direct", atLeast: 1 } }] }])),
    ).toEqual([
      expect.stringMatching(
        /^steps\[0\]\.until\[0\]\.servicesFaild: unknown condition \(did you mean "servicesFailed"\?\)/,
      ),
    ]);
    expect(problems(lesson([{ text: "x", until: [{ auditLost: { atMost: 0 } }] }]))[0]).toMatch(
      /auditLost is a condition on the Kafka simulator/,
    );
  });

  it("refuses a services condition in a Kafka lesson, saying how to run on the services simulation", () => {
    const doc = {
      ...lesson([{ text: "x", until: [{ servicesFailed: { side: "direct", atLeast: 1 } }] }]),
      simulation: undefined,
      services: undefined,
      scenario: "default",
    };
    const p = problems(JSON.parse(JSON.stringify(doc)));
    expect(p).toEqual([
      expect.stringMatching(
        /servicesFailed is a condition on the services simulation.*"simulation": "services"/,
      ),
    ]);
  });

  it("checks the side, the reason and the range", () => {
    const p = problems(
      lesson([
        {
          text: "x",
          until: [
            { servicesFailed: { side: "direkt", atLeast: 1 } },
            { servicesFailed: { side: "push", atLeast: 1 } },
            { servicesFailed: { side: "direct", reason: "receiver dwn", atLeast: 1 } },
            { servicesDelivered: { side: "broker" } },
            { servicesSenderBusy: { side: "direct", atLeast: 150 } },
            { servicesDelivered: { atLeast: 1 } },
            { servicesDelivered: { side: "broker", atLeast: 5, atMost: 2, extra: 1 } },
          ],
        },
      ]),
    );
    expect(p).toEqual([
      expect.stringMatching(
        /until\[0\]\.servicesFailed\.side: must be one of direct, broker, push, pull, not "direkt" \(did you mean "direct"\?\)/,
      ),
      expect.stringMatching(
        /until\[1\]\.servicesFailed\.side: the situation "calm" .* has no "push" side; use "direct" or "broker" or "pull"/,
      ),
      expect.stringMatching(
        /until\[2\]\.servicesFailed\.reason: must be one of .*\(did you mean "receiver down"\?\)/,
      ),
      expect.stringMatching(/until\[3\]\.servicesDelivered: needs "atLeast", "atMost" or both/),
      expect.stringMatching(/until\[4\]\.servicesSenderBusy\.atLeast: /),
      expect.stringMatching(/until\[5\]\.servicesDelivered\.side: missing/),
      expect.stringMatching(/until\[6\]\.servicesDelivered\.extra: unknown field/),
      expect.stringMatching(
        /until\[6\]\.servicesDelivered: atLeast \(5\) is larger than atMost \(2\)/,
      ),
    ]);
  });

  it("says which side is ambiguous in push against pull", () => {
    const p = problems(
      lesson([{ text: "x", until: [{ servicesFailed: { side: "broker", atLeast: 1 } }] }], {
        services: { preset: "push-pull" },
      }),
    );
    expect(p).toEqual([
      expect.stringMatching(/has two sides that fit "broker"; use "push" or "pull"/),
    ]);
  });

  it("checks actions against the situation running at that step", () => {
    const p = problems(
      lesson([
        { text: "a", action: { do: "stopReceiver", receiver: "orders-9" } },
        { text: "b", action: { do: "killBroker", broker: 1 } },
        { text: "c", action: { do: "addReceiver", service: "orders", colour: "red" } },
        { text: "d", action: { do: "choosePreset", preset: "fanout" } },
      ]),
    );
    expect(p).toEqual([
      expect.stringMatching(
        /steps\[0\]\.action\.receiver: no receiver "orders-9" in the situation \(did you mean "orders-1"\?\)/,
      ),
      expect.stringMatching(
        /steps\[1\]\.action\.do: must be one of stopReceiver, .*not "killBroker"/,
      ),
      expect.stringMatching(/steps\[2\]\.action\.colour: unknown field/),
      expect.stringMatching(
        /steps\[3\]\.action\.preset: there is no situation called "fanout" \(did you mean "fan-out"\?\)/,
      ),
    ]);
  });

  it("lets a later step name what an earlier one added or switched to", () => {
    const r = validateLesson(
      lesson([
        { text: "a", action: { do: "addReceiver", service: "orders" } },
        { text: "b", action: { do: "stopReceiver", receiver: "orders-3" } },
        { text: "c", action: { do: "choosePreset", preset: "push-pull" } },
        { text: "d", until: [{ servicesFailed: { side: "push", atLeast: 1 } }] },
      ]),
    );
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([]);
  });

  it("refuses a bad setup: unknown situation, wrong simulation, a Kafka scenario or challenge", () => {
    expect(problems(lesson([{ text: "x" }], { services: { preset: "peek" } }))).toEqual([
      expect.stringMatching(
        /^services\.preset: there is no situation called "peek" \(did you mean "peak"\?\)/,
      ),
    ]);
    expect(problems(lesson([{ text: "x" }], { simulation: "servces" }))).toEqual([
      expect.stringMatching(
        /^simulation: must be "kafka", "services", not "servces" \(did you mean "services"\?\)/,
      ),
    ]);
    const p = problems(lesson([{ text: "x" }], { scenario: "default", challenge: {} }));
    expect(p).toEqual([
      expect.stringMatching(/^scenario: a services lesson runs a situation/),
      expect.stringMatching(/^challenge: challenges run on the Kafka simulator only/),
    ]);
    expect(
      problems(lesson([{ text: "x" }], { services: { preset: "calm", durationMs: 10 } }))[0],
    ).toMatch(/^services\.durationMs/);
  });
});
