// Random services specs with a timeline of faults inside a window, after which everything is
// healed and the traffic stops, so a run can drain and every message reach its final state.

import fc from "fast-check";
import type { ServicesCommand, ServicesSpec } from "../../../src/engine/index.ts";
import { spec } from "./fixtures.ts";

export const FAULT_WINDOW_MS = 6000;

const serviceArb = (id: string) =>
  fc.record({
    id: fc.constant(id),
    instances: fc.integer({ min: 1, max: 3 }),
    serviceMs: fc.integer({ min: 2, max: 40 }),
    threads: fc.integer({ min: 1, max: 4 }),
    maxConnections: fc.integer({ min: 1, max: 20 }),
    backlog: fc.integer({ min: 0, max: 10 }),
  });

function commandArb(services: string[]): fc.Arbitrary<ServicesCommand> {
  const receiver = fc
    .tuple(fc.constantFrom(...services), fc.integer({ min: 1, max: 3 }))
    .map(([s, n]) => `${s}-${n}`);
  return fc.oneof(
    fc.integer({ min: 0, max: 80 }).map((perSecond) => ({ type: "setRate" as const, perSecond })),
    receiver.map((r) => ({ type: "stopReceiver" as const, receiver: r })),
    receiver.map((r) => ({ type: "startReceiver" as const, receiver: r })),
    fc
      .tuple(receiver, fc.integer({ min: 1, max: 200 }))
      .map(([r, serviceMs]) => ({ type: "slowReceiver" as const, receiver: r, serviceMs })),
    fc.constantFrom(...services).map((s) => ({ type: "addReceiver" as const, service: s })),
    fc.constant({ type: "stopBroker" as const }),
    fc.constant({ type: "startBroker" as const }),
  );
}

/** After the fault window: every receiver back at normal speed, the broker up, no more traffic. */
function healing(s: ServicesSpec): ServicesSpec["timeline"] {
  const out: ServicesSpec["timeline"] = [
    { at: FAULT_WINDOW_MS, command: { type: "setRate", perSecond: 0 } },
    { at: FAULT_WINDOW_MS, command: { type: "startBroker" } },
  ];
  for (const x of s.services)
    for (let n = 1; n <= 3; n++) {
      const receiver = `${x.id}-${n}`;
      out.push({ at: FAULT_WINDOW_MS, command: { type: "startReceiver", receiver } });
      out.push({ at: FAULT_WINDOW_MS, command: { type: "slowReceiver", receiver, serviceMs: 5 } });
    }
  return out;
}

export interface SpecOptions {
  /** Queues large enough never to fill. */
  roomy?: boolean;
}

export function servicesSpecArb(options: SpecOptions = {}): fc.Arbitrary<ServicesSpec> {
  return fc
    .record({
      seed: fc.integer({ min: 0, max: 1_000_000 }),
      ratePerSecond: fc.integer({ min: 1, max: 80 }),
      badFraction: fc.constantFrom(0, 0, 0.1, 0.3),
      routed: fc.boolean(),
      transformMs: fc.constantFrom(0, 0, 2),
      services: fc.integer({ min: 1, max: 3 }),
      serviceSpecs: fc.tuple(serviceArb("a"), serviceArb("b"), serviceArb("c")),
      sender: fc.record({
        threads: fc.integer({ min: 1, max: 16 }),
        backlog: fc.integer({ min: 0, max: 20 }),
        timeoutMs: fc.integer({ min: 30, max: 800 }),
        retries: fc.integer({ min: 0, max: 3 }),
        backoffMs: fc.integer({ min: 10, max: 300 }),
      }),
      keepAlive: fc.boolean(),
      queueCapacity: fc.integer({ min: 1, max: 300 }),
      validate: fc.boolean(),
    })
    .chain((r) => {
      const services = r.serviceSpecs.slice(0, r.services);
      const ids = services.map((x) => x.id);
      return fc
        .array(fc.tuple(fc.integer({ min: 0, max: FAULT_WINDOW_MS - 1 }), commandArb(ids)), {
          maxLength: 8,
        })
        .map((timeline) => {
          const s = spec({
            seed: r.seed,
            durationMs: 30_000,
            ratePerSecond: r.ratePerSecond,
            badFraction: r.badFraction,
            kinds: ["x", "y"],
            routes: r.routed ? { x: ids, y: ids.slice(0, 1) } : null,
            transformMs: r.transformMs,
            services,
            sender: r.sender,
            direct: { handshakeMs: 30, keepAlive: r.keepAlive },
            broker: {
              queueCapacity: options.roomy ? 1_000_000 : r.queueCapacity,
              delivery: "pull",
              validate: r.validate,
              workMs: 0.5,
              pollRetryMs: 300,
            },
          });
          s.timeline = [...timeline.map(([at, command]) => ({ at, command })), ...healing(s)];
          return s;
        });
    });
}
