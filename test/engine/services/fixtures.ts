// Small services specs and a runner for the services model's tests.

import {
  advanceServices,
  createServicesSimulation,
  type ServicesEvent,
  type ServicesSpec,
  type ServicesState,
  type SideSpec,
} from "../../../src/engine/index.ts";

export function spec(more: Partial<ServicesSpec> = {}): ServicesSpec {
  return {
    name: "test",
    seed: 1,
    durationMs: 10_000,
    ratePerSecond: 20,
    badFraction: 0,
    kinds: ["order"],
    routes: null,
    transformMs: 0,
    services: [
      { id: "orders", instances: 1, serviceMs: 10, threads: 2, maxConnections: 10, backlog: 5 },
    ],
    latencyMs: 5,
    sender: { threads: 8, backlog: 20, timeoutMs: 500, retries: 2, backoffMs: 100 },
    direct: { handshakeMs: 30, keepAlive: true },
    broker: {
      queueCapacity: 10_000,
      delivery: "pull",
      validate: true,
      workMs: 0.5,
      pollRetryMs: 500,
    },
    timeline: [],
    ...more,
  };
}

export const DIRECT: SideSpec = { mode: "direct" };
export const BROKER: SideSpec = { mode: "broker" };

export interface Ran {
  state: ServicesState;
  events: ServicesEvent[];
}

/** Runs a side to `until` (the spec's duration by default), with every event recorded. */
export function run(s: ServicesSpec, side: SideSpec, until = s.durationMs): Ran {
  const created = createServicesSimulation(s, side);
  if (!created.ok) throw new Error(created.errors.join(" "));
  const events: ServicesEvent[] = [];
  const result = advanceServices(created.state, until, { events, detail: true });
  if (!result.ok) throw new Error(result.error);
  return { state: created.state, events };
}

export function count(events: readonly ServicesEvent[], type: ServicesEvent["type"]): number {
  return events.filter((e) => e.type === type).length;
}
