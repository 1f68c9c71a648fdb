// Evaluating lesson conditions on the engine's state: the audit's counts, read from the state
// the simulator runs on.

import { describe, expect, it } from "vitest";
import type { Condition } from "../../src/scenario/index.ts";
import {
  baselineOf,
  describeCondition,
  holds,
  measure,
  openBuiltinScenario,
  type SimState,
} from "../../src/store/index.ts";

function stateAt(id: string, time: number): SimState {
  const opened = openBuiltinScenario(id);
  if (!opened.ok) throw new Error(opened.errors.join("; "));
  opened.store.getState().seek(time);
  return opened.store.getState().run.state;
}

/** A copy of `state` whose audit has found `n` batches out of order on payments-1. */
function withViolations(state: SimState, n: number): SimState {
  const copy = structuredClone(state);
  copy.audit.orderViolations = Array.from({ length: n }, (_, i) => ({
    topic: "payments",
    partition: 1,
    producer: "billing",
    offset: 10 + i,
    laterSentOffset: 9,
  }));
  return copy;
}

describe("the auditOrderViolations condition", () => {
  const start = stateAt("retries-reorder-on-failover", 0);
  const base = baselineOf(start);
  const atLeastOne: Condition = { auditOrderViolations: { atLeast: 1 } };
  const none: Condition = { auditOrderViolations: { atMost: 0 } };
  const oneOrTwo: Condition = { auditOrderViolations: { atLeast: 1, atMost: 2 } };

  it("counts the audit's order violations and compares the count with its range", () => {
    expect(measure(atLeastOne, start, base)).toBe(0);
    expect(holds(atLeastOne, start, base)).toBe(false);
    expect(holds(none, start, base)).toBe(true);
    const two = withViolations(start, 2);
    expect(measure(atLeastOne, two, base)).toBe(2);
    expect(holds(atLeastOne, two, base)).toBe(true);
    expect(holds(none, two, base)).toBe(false);
    expect(holds(oneOrTwo, two, base)).toBe(true);
    expect(holds(oneOrTwo, withViolations(start, 3), base)).toBe(false);
  });

  it("counts batches out of order, not duplicates", () => {
    const copy = structuredClone(start);
    copy.audit.duplicates = [
      {
        topic: "payments",
        partition: 0,
        producer: "billing",
        offset: 5,
        originalOffset: 4,
        count: 3,
      },
    ];
    expect(measure(atLeastOne, copy, base)).toBe(0);
    expect(measure({ auditDuplicates: { atLeast: 1 } }, copy, base)).toBe(3);
  });

  it("holds on the failover scenario once payments-1 has been reordered, and not before", () => {
    const before = stateAt("retries-reorder-on-failover", 18_000);
    const after = stateAt("retries-reorder-on-failover", 21_000);
    expect(holds(atLeastOne, before, base)).toBe(false);
    expect(holds(atLeastOne, after, base)).toBe(true);
    expect(measure(atLeastOne, after, base)).toBe(after.audit.orderViolations.length);
  });

  it("is worded after the audit panel's count", () => {
    expect(describeCondition(atLeastOne)).toBe("the audit's out-of-order count is at least 1");
    expect(describeCondition(oneOrTwo)).toBe("the audit's out-of-order count is between 1 and 2");
  });
});
