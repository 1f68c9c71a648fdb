// The shared starting point of the built-in situations: one sender, services with a few worker
// threads each, a 5 ms network, and a broker with room for 5000 messages per queue.

import type { ServiceSpec, ServicesSpec } from "../types.ts";

export function service(id: string, more: Partial<ServiceSpec> = {}): ServiceSpec {
  return { id, instances: 1, serviceMs: 20, threads: 4, maxConnections: 100, backlog: 20, ...more };
}

export function baseSpec(name: string, more: Partial<ServicesSpec> = {}): ServicesSpec {
  return {
    name,
    seed: 7,
    durationMs: 30_000,
    ratePerSecond: 50,
    badFraction: 0,
    kinds: ["order"],
    routes: null,
    transformMs: 0,
    services: [service("orders", { instances: 2 })],
    latencyMs: 5,
    sender: { threads: 32, backlog: 50, timeoutMs: 1000, retries: 2, backoffMs: 200 },
    direct: { handshakeMs: 30, keepAlive: true },
    broker: {
      queueCapacity: 5000,
      delivery: "pull",
      validate: true,
      workMs: 0.5,
      pollRetryMs: 1000,
    },
    timeline: [],
    ...more,
  };
}
