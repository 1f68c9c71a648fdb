// Reading lesson documents: every chapter of the course reads, and a broken lesson gets one
// clear message per problem, at the path of the field, instead of an exception.

import { describe, expect, it } from "vitest";
import {
  LESSON_DOCUMENTS,
  challengeScenario,
  formatProblem,
  validateLesson,
} from "../../src/scenario/index.ts";

const SCENARIO = {
  version: 1,
  name: "t",
  seed: 1,
  brokers: 3,
  topics: [{ name: "orders", partitions: 2, replicationFactor: 3, config: {} }],
  producers: [
    { id: "checkout", topic: "orders", acks: "all", ratePerSec: 5, keys: null, config: {} },
  ],
  consumerGroups: [
    { groupId: "billing", topics: ["orders"], members: 1, processingMsPerRecord: 1, config: {} },
  ],
  cluster: {},
  timeline: [],
};

const lesson = (
  extra: Record<string, unknown> = {},
  steps: unknown[] = [{ text: "Read this." }],
) => ({
  id: "a-lesson",
  chapter: 1,
  title: "A lesson",
  summary: "What it teaches.",
  scenario: SCENARIO,
  steps,
  ...extra,
});

function problems(doc: unknown): string[] {
  const r = validateLesson(doc);
  return r.ok ? [] : r.problems.map(formatProblem);
}

describe("the course's own lessons", () => {
  it("all read without a problem", () => {
    for (const doc of LESSON_DOCUMENTS) expect(problems(doc)).toEqual([]);
  });
});

describe("validateLesson", () => {
  it("reads a link to another page, with or without a comparison to open there", () => {
    const see = (seeAlso: unknown) => problems(lesson({ seeAlso }));
    expect(see({ page: "compare", label: "Compare", preset: "idempotence" })).toEqual([]);
    expect(see({ page: "before-kafka", label: "Before Kafka" })).toEqual([]);
    expect(see({ page: "compare", label: "Compare", preset: 3 })).toEqual([
      "seeAlso.preset: must be a string, not 3",
    ]);
  });

  it("reads a lesson with a built-in scenario, conditions, an action and a prediction", () => {
    const r = validateLesson(
      lesson({ scenario: "default" }, [
        {
          text: "Kill the leader of orders-0.",
          highlight: [{ leaderOf: { topic: "orders", partition: 0 } }, { panel: "audit" }],
          predict: {
            question: "What then?",
            choices: [
              { text: "A new leader", correct: true },
              { text: "Offline", correct: false },
            ],
            explanation: "The ISR.",
          },
          action: { do: "killBroker", broker: { leaderOf: { topic: "orders", partition: 0 } } },
          until: [
            { leaderChanged: { topic: "orders", partition: 0 } },
            { auditLost: { atMost: 0 } },
          ],
        },
      ]),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    if (r.lesson.simulation !== "kafka") throw new Error("a Kafka lesson was expected");
    expect(r.lesson.scenarioId).toBe("default");
    const action = r.lesson.steps[0]!.action!;
    if (!("engineCommand" in action)) throw new Error("a Kafka action was expected");
    expect(action.leaderOf).toEqual({ topic: "orders", partition: 0 });
    expect(action.engineCommand.type).toBe("killBroker");
  });

  it("names an unknown condition kind, with a guess", () => {
    expect(problems(lesson({}, [{ text: "x", until: [{ auditLoss: { atLeast: 1 } }] }]))).toEqual([
      expect.stringMatching(
        /^steps\[0\]\.until\[0\]\.auditLoss: unknown condition \(did you mean "auditLost"\?\)/,
      ),
    ]);
  });

  it("refuses a condition with two kinds, a range without bounds, and atLeast above atMost", () => {
    const found = problems(
      lesson({}, [
        {
          text: "x",
          until: [
            { time: { atLeast: 1 }, elapsed: { atLeast: 1 } },
            { auditLost: {} },
            { groupLag: { groupId: "billing", atLeast: 5, atMost: 2 } },
          ],
        },
      ]),
    );
    expect(found).toEqual([
      expect.stringContaining("steps[0].until[0]: a condition is an object with one key"),
      'steps[0].until[1].auditLost: needs "atLeast", "atMost" or both',
      "steps[0].until[2].groupLag: atLeast (5) is larger than atMost (2)",
    ]);
  });

  it("reads auditOrderViolations as a range, and refuses it without bounds or with extra fields", () => {
    const r = validateLesson(
      lesson({}, [{ text: "x", until: [{ auditOrderViolations: { atLeast: 1, atMost: 4 } }] }]),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.lesson.steps[0]!.until).toEqual([{ auditOrderViolations: { atLeast: 1, atMost: 4 } }]);
    expect(
      problems(
        lesson({}, [
          {
            text: "x",
            until: [
              { auditOrderViolations: {} },
              { auditOrderViolations: { atLeast: -1 } },
              { auditOrderViolations: { atLeast: 1, topic: "orders" } },
              { auditOrderViolation: { atLeast: 1 } },
            ],
          },
        ]),
      ),
    ).toEqual([
      'steps[0].until[0].auditOrderViolations: needs "atLeast", "atMost" or both',
      expect.stringMatching(/^steps\[0\]\.until\[1\]\.auditOrderViolations\.atLeast: /),
      expect.stringMatching(/^steps\[0\]\.until\[2\]\.auditOrderViolations\.topic: /),
      expect.stringMatching(
        /^steps\[0\]\.until\[3\]\.auditOrderViolation: unknown condition \(did you mean "auditOrderViolations"\?\)/,
      ),
    ]);
  });

  it("lists every condition kind when a condition has none", () => {
    const [message] = problems(lesson({}, [{ text: "x", until: [{}] }]));
    expect(message).toContain("auditOrderViolations");
    expect(message).toContain("noController");
    expect(message).not.toContain("in all");
  });

  it("checks references against the lesson's scenario", () => {
    const found = problems(
      lesson({}, [
        {
          text: "x",
          until: [
            { isrSize: { topic: "order", partition: 0, atMost: 2 } },
            { partitionOffline: { topic: "orders", partition: 5 } },
            { groupMembers: { groupId: "shipping", atLeast: 1 } },
          ],
          highlight: [{ broker: 9 }],
        },
      ]),
    );
    expect(found).toEqual([
      "steps[0].highlight[0].broker: must be one of the brokers (1, 2, 3), not 9",
      'steps[0].until[0].isrSize.topic: no topic named "order" in the lesson\'s scenario (did you mean "orders"?)',
      "steps[0].until[1].partitionOffline.partition: must be a whole number from 0 to 1, not 5",
      'steps[0].until[2].groupMembers.groupId: no consumer group "shipping" in the lesson\'s scenario (there is billing)',
    ]);
  });

  it("checks an action with the scenario validator, at the action's own path", () => {
    expect(problems(lesson({}, [{ text: "x", action: { do: "killBroker", broker: 7 } }]))).toEqual([
      "steps[0].action.broker: there is no broker 7 (the brokers are 1, 2, 3)",
    ]);
    expect(problems(lesson({}, [{ text: "x", action: { do: "explode" } }]))[0]).toMatch(
      /^steps\[0\]\.action\.do: /,
    );
  });

  it("lets an action refer to what an earlier step's action created", () => {
    const r = validateLesson(
      lesson({}, [
        {
          text: "Add one.",
          action: { do: "addConsumer", consumer: "billing-9", groupId: "billing", label: "Add" },
        },
        {
          text: "Crash it.",
          action: { do: "crashConsumer", consumer: "billing-9", label: "Crash" },
        },
      ]),
    );
    expect(r.ok).toBe(true);
  });

  it("refuses a prediction without a right answer, or with nothing to happen", () => {
    const predict = {
      question: "Q?",
      choices: [
        { text: "a", correct: false },
        { text: "b", correct: false },
      ],
      explanation: "E.",
    };
    expect(
      problems(lesson({}, [{ text: "x", predict, until: [{ time: { atLeast: 1 } }] }])),
    ).toEqual(['steps[0].predict.choices: no choice is marked "correct": true']);
    const fine = { ...predict, choices: [{ text: "a", correct: true }, { text: "b" }] };
    expect(problems(lesson({}, [{ text: "x", predict: fine }]))).toEqual([
      'steps[0].predict: a prediction needs something to happen: give the step an action or an "until"',
    ]);
  });

  it("reports a bad scenario with the scenario's own messages, under scenario", () => {
    expect(problems(lesson({ scenario: "no-such-scenario" }))).toEqual([
      'scenario: there is no built-in scenario called "no-such-scenario"',
    ]);
    const bad = {
      ...SCENARIO,
      topics: [{ name: "orders", partitions: 1, replicationFactor: 4, config: {} }],
    };
    expect(problems(lesson({ scenario: bad }))[0]).toMatch(
      /^scenario\.topics\[0\]\.replicationFactor: 4 is larger than the number of brokers/,
    );
  });

  it("never throws, whatever it is given", () => {
    for (const v of [null, 3, "x", [], {}, { steps: "no" }, lesson({ steps: [null, 1, {}] })])
      expect(validateLesson(v).ok).toBe(false);
  });

  it("checks a challenge's parameters, solution and fault plans", () => {
    const challenge = {
      title: "T",
      goal: "G",
      hint: "H",
      explanation: "E",
      until: 10000,
      parameters: [
        {
          id: "acks",
          label: "acks",
          target: { producerAcks: "checkout" },
          choices: ["1", "all"],
          initial: "1",
        },
      ],
      faultPlans: [{ name: "kill", timeline: [{ at: 5000, do: "killBroker", broker: 4 }] }],
      pass: [{ auditLost: { atMost: 0 } }],
      solution: { acks: "0" },
    };
    expect(problems(lesson({ challenge }))).toEqual([
      'challenge.solution.acks: must be one of the choices of "acks", not "0"',
      expect.stringMatching(/^challenge\.faultPlans\[0\]\.timeline .*there is no broker 4/),
    ]);
  });
});

describe("challengeScenario", () => {
  const doc = lesson().scenario as Record<string, unknown>;
  const challenge = {
    document: doc,
    parameters: [
      {
        id: "rf",
        label: "RF",
        target: { replicationFactor: "orders" },
        choices: [1, 2, 3, 4],
        initial: 3,
      },
      {
        id: "minIsr",
        label: "min ISR",
        target: { topicConfig: { topic: "orders", name: "min.insync.replicas" as const } },
        choices: [1, 2, 3],
        initial: 1,
      },
    ],
  };
  it("writes the values into the scenario", () => {
    const r = challengeScenario(challenge, { rf: 2, minIsr: 2 });
    expect(r.ok && r.scenario.topics[0]!.replicationFactor).toBe(2);
    expect(r.ok && r.scenario.topics[0]!.config["min.insync.replicas"]).toBe(2);
  });
  it("gives the validator's message for an impossible combination", () => {
    const r = challengeScenario(challenge, { rf: 4 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(formatProblem(r.problems[0]!)).toMatch(/larger than the number of brokers/);
    const r2 = challengeScenario(challenge, { rf: 1, minIsr: 3 });
    expect(r2.ok).toBe(false);
  });
});
