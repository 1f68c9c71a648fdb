import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  advanceServices,
  cloneServicesState,
  createServicesSimulation,
  type ServicesEvent,
  type ServicesSpec,
  type SideSpec,
} from "../../../src/engine/index.ts";
import { FAULT_WINDOW_MS, servicesSpecArb } from "./arbitrary.ts";

const HORIZON = FAULT_WINDOW_MS + 40_000;
const SIDES: SideSpec[] = [
  { mode: "direct" },
  { mode: "broker", delivery: "pull" },
  { mode: "broker", delivery: "push" },
];

function runTo(spec: ServicesSpec, side: SideSpec, jumps: number[]) {
  const created = createServicesSimulation(spec, side);
  if (!created.ok) throw new Error(created.errors.join(" "));
  const events: ServicesEvent[] = [];
  for (const t of jumps) {
    const r = advanceServices(created.state, t, { events, detail: true });
    if (!r.ok) throw new Error(r.error);
  }
  return { state: created.state, events };
}

const key = (message: number, service: string) => `${message}>${service}`;

describe("services model properties", () => {
  it("no message is both delivered and failed (or dead-lettered) for the same service, on any side", () => {
    fc.assert(
      fc.property(servicesSpecArb(), fc.constantFrom(...SIDES), (spec, side) => {
        const { state, events } = runTo(spec, side, [HORIZON]);
        const delivered = new Set<string>();
        const ended = new Map<string, string>();
        for (const e of events) {
          if (e.type === "messageDelivered") delivered.add(key(e.message, e.service));
          if (e.type === "deliveryFailed") {
            const k = key(e.message, e.service);
            expect(ended.has(k), `${k} ended twice`).toBe(false);
            ended.set(k, e.reason);
          }
        }
        for (const k of ended.keys())
          expect(delivered.has(k), `${k} delivered and failed`).toBe(false);
        const m = state.metrics;
        const pending = Object.values(state.deliveries).filter((d) => d.status === "pending");
        // Every delivery ends in exactly one place once the run has drained.
        expect(pending).toEqual([]);
        expect(m.delivered + m.failed + m.deadLettered).toBe(m.deliveries);
        expect(m.delivered).toBe(delivered.size);
      }),
      { numRuns: 60 },
    );
  });

  it("a broker with room never loses a message it accepted, whatever fails meanwhile", () => {
    fc.assert(
      fc.property(servicesSpecArb({ roomy: true }), (spec) => {
        const { state, events } = runTo(spec, { mode: "broker", delivery: "pull" }, [HORIZON]);
        const accepted: string[] = [];
        const delivered = new Set<string>();
        for (const e of events) {
          if (e.type === "messagePublished")
            for (const q of e.queues) accepted.push(key(e.message, q));
          if (e.type === "messageDelivered") delivered.add(key(e.message, e.service));
        }
        const bad = new Set<string>();
        for (const e of events)
          if (e.type === "deliveryFailed" && e.reason === "invalid message")
            bad.add(key(e.message, e.service));
        for (const k of accepted)
          expect(delivered.has(k) || bad.has(k), `${k} accepted, then lost`).toBe(true);
        expect(state.metrics.failedBy["queue full"]).toBeUndefined();
        for (const q of Object.values(state.broker!.queues)) expect(q.ready).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it("determinism: the same spec and seed give the same trace and state, byte for byte", () => {
    fc.assert(
      fc.property(servicesSpecArb(), fc.constantFrom(...SIDES), (spec, side) => {
        const a = runTo(spec, side, [HORIZON]);
        const b = runTo(structuredClone(spec), side, [HORIZON]);
        expect(JSON.stringify(b.events)).toBe(JSON.stringify(a.events));
        expect(JSON.stringify(b.state)).toBe(JSON.stringify(a.state));
      }),
      { numRuns: 20 },
    );
  });

  it("one jump equals many small advances, and a cloned checkpoint continues the same", () => {
    fc.assert(
      fc.property(
        servicesSpecArb(),
        fc.constantFrom(...SIDES),
        fc.array(fc.integer({ min: 0, max: FAULT_WINDOW_MS + 4000 }), {
          minLength: 1,
          maxLength: 12,
        }),
        (spec, side, cuts) => {
          const end = FAULT_WINDOW_MS + 4000;
          const jumps = [...new Set(cuts)].sort((x, y) => x - y);
          const one = runTo(spec, side, [end]);
          const many = runTo(spec, side, [...jumps, end]);
          expect(JSON.stringify(many.events)).toBe(JSON.stringify(one.events));
          expect(JSON.stringify(many.state)).toBe(JSON.stringify(one.state));
          // Resume from a checkpoint copy taken at the first cut.
          const start = runTo(spec, side, [jumps[0]!]);
          const copy = cloneServicesState(start.state);
          advanceServices(copy, end);
          expect(JSON.stringify(copy)).toBe(JSON.stringify(one.state));
        },
      ),
      { numRuns: 25 },
    );
  });

  it("both sides see exactly the same messages at the same times", () => {
    fc.assert(
      fc.property(servicesSpecArb(), (spec) => {
        const direct = runTo(spec, { mode: "direct" }, [FAULT_WINDOW_MS]).state.metrics;
        const broker = runTo(spec, { mode: "broker" }, [FAULT_WINDOW_MS]).state.metrics;
        expect(broker.messages).toBe(direct.messages);
        expect(broker.deliveries).toBe(direct.deliveries);
      }),
      { numRuns: 30 },
    );
  });
});
