import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  advanceTo,
  cloneState,
  createSimulation,
  type SimEvent,
  type SimState,
  type SimulationSpec,
} from "../../src/engine/index.ts";
import { SETTLE_MS, scenarioArb } from "../helpers/simArbitrary.ts";

const WINDOW_MS = 25_000;
const HORIZON = WINDOW_MS + SETTLE_MS;
const scenarios = scenarioArb({ faultWindowMs: WINDOW_MS, maxFaults: 10, maxRate: 25 });

/** Runs a spec to `until` in the given jumps; returns the trace (with detail) and the state. */
function run(spec: SimulationSpec, jumps: number[]): { trace: string; state: string } {
  const created = createSimulation(spec);
  if (!created.ok) throw new Error(created.errors.map((e) => e.message).join("; "));
  const state: SimState = created.state;
  const events: SimEvent[] = [];
  for (const t of jumps) {
    const result = advanceTo(state, t, { events, detail: true });
    if (!result.ok) throw new Error(result.error.message);
  }
  return { trace: JSON.stringify(events), state: JSON.stringify(state) };
}

describe("determinism", () => {
  it("the same spec, seed and commands give the same trace, byte for byte", () => {
    fc.assert(
      fc.property(scenarios, (spec) => {
        const first = run(spec, [HORIZON]);
        const second = run(structuredClone(spec), [HORIZON]);
        expect(second.trace).toBe(first.trace);
        expect(second.state).toBe(first.state);
      }),
      { numRuns: 25 },
    );
  });

  it("advanceTo(T) in one jump equals any sequence of smaller jumps to T", () => {
    fc.assert(
      fc.property(
        scenarios,
        fc.array(fc.integer({ min: 0, max: HORIZON }), { minLength: 1, maxLength: 40 }),
        (spec, stops) => {
          const jumps = [...stops].sort((a, b) => a - b).concat(HORIZON);
          const whole = run(spec, [HORIZON]);
          const pieces = run(spec, jumps);
          expect(pieces.trace).toBe(whole.trace);
          expect(pieces.state).toBe(whole.state);
        },
      ),
      { numRuns: 25 },
    );
  });

  it("the state is all there is: a structuredClone taken mid-run continues exactly like the original", () => {
    fc.assert(
      fc.property(scenarios, fc.integer({ min: 1, max: HORIZON - 1 }), (spec, cut) => {
        const created = createSimulation(spec);
        if (!created.ok) throw new Error("spec refused");
        advanceTo(created.state, cut);
        const copy = structuredClone(created.state);
        const a: SimEvent[] = [];
        const b: SimEvent[] = [];
        advanceTo(created.state, HORIZON, { events: a, detail: true });
        advanceTo(copy, HORIZON, { events: b, detail: true });
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
        expect(JSON.stringify(copy)).toBe(JSON.stringify(created.state));
      }),
      { numRuns: 15 },
    );
  });

  it("a cloneState checkpoint, which shares what never changes, is not disturbed by the original running on, and continues exactly like it", () => {
    const busy = scenarioArb({ faultWindowMs: WINDOW_MS, maxFaults: 10, maxRate: 400 });
    fc.assert(
      fc.property(busy, fc.integer({ min: 1, max: HORIZON - 1 }), (spec, cut) => {
        const created = createSimulation(spec);
        if (!created.ok) throw new Error("spec refused");
        advanceTo(created.state, cut);
        const checkpoint = cloneState(created.state);
        const a: SimEvent[] = [];
        const b: SimEvent[] = [];
        // The original runs on first: anything it changed in place that the checkpoint shares
        // would change the checkpoint's future.
        advanceTo(created.state, HORIZON, { events: a, detail: true });
        advanceTo(checkpoint, HORIZON, { events: b, detail: true });
        expect(JSON.stringify(b)).toBe(JSON.stringify(a));
        expect(JSON.stringify(checkpoint)).toBe(JSON.stringify(created.state));
      }),
      { numRuns: 15 },
    );
  });

  it("jumping to the time of a pending event processes it, and jumping back is a no-op", () => {
    const created = createSimulation({
      name: "t",
      seed: 5,
      brokers: [{ id: 1 }, { id: 2 }, { id: 3 }],
      topics: [{ name: "orders", partitions: 1, replicationFactor: 3 }],
      producers: [],
      timeline: [{ at: 700, command: { type: "killBroker", broker: 2 } }],
    });
    if (!created.ok) throw new Error("refused");
    const events: SimEvent[] = [];
    advanceTo(created.state, 700, { events });
    expect(events.map((e) => [e.type, e.time])).toContainEqual(["brokerKilled", 700]);
    const before = JSON.stringify(created.state);
    expect(advanceTo(created.state, 300, { events })).toEqual({ ok: true, processed: 0 });
    expect(JSON.stringify(created.state)).toBe(before);
  });
});
