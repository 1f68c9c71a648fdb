import { describe, expect, it } from "vitest";
import { formatProblem, validateScenario } from "../../src/scenario/index.ts";

function doc(timeline: unknown[]): Record<string, unknown> {
  return {
    version: 1,
    name: "assignor change",
    brokers: 3,
    topics: [{ name: "orders", partitions: 3, replicationFactor: 3 }],
    consumerGroups: [{ groupId: "billing", topics: ["orders"], members: 2 }],
    timeline,
  };
}

describe("setAssignmentStrategy in a scenario's timeline", () => {
  it("becomes the engine command with the assignors in order", () => {
    const r = validateScenario(
      doc([
        {
          at: 5000,
          do: "setAssignmentStrategy",
          consumer: "billing-1",
          strategy: ["cooperative-sticky", "range"],
        },
      ]),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.spec.timeline).toContainEqual({
      at: 5000,
      command: {
        type: "setAssignmentStrategy",
        consumer: "billing-1",
        strategy: ["cooperative-sticky", "range"],
      },
    });
  });

  it("names the bad field: an unknown consumer, an unknown assignor, one listed twice", () => {
    const r = validateScenario(
      doc([
        { at: 1000, do: "setAssignmentStrategy", consumer: "billing-9", strategy: ["range"] },
        { at: 2000, do: "setAssignmentStrategy", consumer: "billing-1", strategy: ["roundrobbin"] },
        { at: 3000, do: "setAssignmentStrategy", consumer: "billing-1", strategy: "range,range" },
      ]),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^timeline\[0\]\.consumer: no consumer with id "billing-9"/),
      expect.stringMatching(
        /^timeline\[1\]\.strategy\[0\]: unknown assignor "roundrobbin" \(did you mean "roundrobin"\?\)/,
      ),
      "timeline[2].strategy: lists an assignor twice; name each once",
    ]);
  });
});

describe("setProducer's keyDistribution in a scenario's timeline", () => {
  it("is read, and a value other than uniform or hot is named", () => {
    const base = {
      version: 1,
      name: "keys",
      brokers: 3,
      topics: [{ name: "orders", partitions: 3, replicationFactor: 3 }],
      producers: [{ id: "shop", topic: "orders", ratePerSec: 10, keys: ["a", "b"] }],
    };
    const good = validateScenario({
      ...base,
      timeline: [{ at: 1000, do: "setProducer", producer: "shop", keyDistribution: "hot" }],
    });
    expect(good.ok).toBe(true);
    if (!good.ok) return;
    expect(good.spec.timeline).toContainEqual({
      at: 1000,
      command: { type: "setProducer", producer: "shop", keyDistribution: "hot" },
    });
    const bad = validateScenario({
      ...base,
      timeline: [{ at: 1000, do: "setProducer", producer: "shop", keyDistribution: "skewed" }],
    });
    expect(bad.ok ? [] : bad.problems.map(formatProblem)).toEqual([
      'timeline[0].keyDistribution: must be "uniform" or "hot", not "skewed"',
    ]);
  });
});
