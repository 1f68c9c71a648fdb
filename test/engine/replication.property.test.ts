import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { advanceTo, createSimulation, type SimulationSpec } from "../../src/engine/index.ts";
import type { LogRecord, Segment } from "../../src/engine/types.ts";
import { SimDriver } from "../helpers/SimDriver.ts";
import {
  SETTLE_MS,
  checkInvariants,
  checkRecovered,
  newInvariantMemory,
  scenarioArb,
} from "../helpers/simArbitrary.ts";

const WINDOW_MS = 40_000;
const HORIZON = WINDOW_MS + SETTLE_MS;
const STEP_MS = 1000;

/** Runs the spec, checking the invariants every STEP_MS; returns the first violation. */
function violation(spec: SimulationSpec, checkCommitted: boolean): string | null {
  const created = createSimulation(spec);
  if (!created.ok) return created.errors.map((e) => e.message).join("; ");
  const memory = newInvariantMemory();
  for (let t = STEP_MS; t <= HORIZON; t += STEP_MS) {
    const result = advanceTo(created.state, t);
    if (!result.ok) return result.error.message;
    const found = checkInvariants(created.state, memory, checkCommitted, t === HORIZON);
    if (found) return found;
  }
  return checkRecovered(created.state);
}

describe("replica invariants under random faults", () => {
  it("offsets strictly increase, logStartOffset <= HW <= LEO, a leader's HW never goes back, ISR members agree with the leader below both HWs, and once healed every replica is back in the ISR", () => {
    fc.assert(
      fc.property(scenarioArb({ faultWindowMs: WINDOW_MS }), (spec) => {
        expect(violation(spec, false)).toBeNull();
      }),
      { numRuns: 45 },
    );
  });

  it("without unclean elections a committed record keeps its offset in every later leader: offsets are never reused", () => {
    const clean = scenarioArb({ faultWindowMs: WINDOW_MS, maxFaults: 14 }).map((spec) => ({
      ...spec,
      topics: spec.topics.map((t) => ({
        ...t,
        config: { ...t.config, uncleanLeaderElectionEnable: false },
      })),
    }));
    fc.assert(
      fc.property(clean, (spec) => {
        expect(violation(spec, true)).toBeNull();
      }),
      { numRuns: 45 },
    );
  });
});

describe("the invariant checker", () => {
  /** Three replicas of one partition with 6 committed records. */
  function replicated(): SimDriver {
    const sim = SimDriver.create({
      brokers: 3,
      topics: [{ name: "t", assignment: [[1, 2, 3]] }],
      producers: [{ id: "p", topic: "t" }],
    });
    sim.at(100).produce("p", "k", { count: 6 }).at(2000);
    expect(sim.hw("t", 0, 2)).toBe(6);
    return sim;
  }
  const segment = (sim: SimDriver, broker: number): Segment =>
    sim.replica("t", 0, broker).segments[0]!;
  const replace = (seg: Segment, i: number, change: Partial<LogRecord>) => {
    const chunk = seg.chunks[0]!;
    chunk[i] = { ...chunk[i]!, ...change };
  };

  it("accepts a healthy cluster", () => {
    const sim = replicated();
    const memory = newInvariantMemory();
    expect(checkInvariants(sim.state, memory, true)).toBeNull();
    expect(checkInvariants(sim.state, memory, true, true)).toBeNull();
  });

  it("finds an ISR member that disagrees with the leader below the HW", () => {
    const sim = replicated();
    replace(segment(sim, 2), 3, { recordId: 999 });
    expect(checkInvariants(sim.state, newInvariantMemory(), false)).toMatch(
      /ISR member 2 has record 999 at offset 3/,
    );
  });

  it("finds offsets out of order and a high watermark above the log end", () => {
    const sim = replicated();
    replace(segment(sim, 3), 4, { offset: 2 });
    expect(checkInvariants(sim.state, newInvariantMemory(), false)).toMatch(/offset 2 after 3/);
    const other = replicated();
    other.replica("t", 0, 2).highWatermark = 7;
    expect(checkInvariants(other.state, newInvariantMemory(), false)).toMatch(/HW 7, LEO 6/);
  });

  it("finds a leader HW that went back within an epoch", () => {
    const sim = replicated();
    const memory = newInvariantMemory();
    expect(checkInvariants(sim.state, memory, false)).toBeNull();
    sim.replica("t", 0, 1).highWatermark = 4;
    expect(checkInvariants(sim.state, memory, false)).toMatch(/leader HW went back from 6 to 4/);
  });

  it("finds a committed offset that now holds another record", () => {
    const sim = replicated();
    const memory = newInvariantMemory();
    expect(checkInvariants(sim.state, memory, true)).toBeNull();
    for (const b of [1, 2, 3]) replace(segment(sim, b), 5, { recordId: 777 });
    expect(checkInvariants(sim.state, memory, true, true)).toMatch(
      /committed offset 5 held record \d+, leader 1 \(epoch 0\) now has 777/,
    );
  });
});
