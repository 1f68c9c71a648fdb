// The built-in situations as data: one workload and one timeline of faults, run on two sides.

import type { ServicesSpec } from "../types.ts";
import { baseSpec, service } from "./base.ts";

const FAN_OUT = [
  "email",
  "sms",
  "billing",
  "audit",
  "search",
  "analytics",
  "shipping",
  "loyalty",
  "fraud",
  "crm",
];

export type PresetId =
  | "calm"
  | "peak"
  | "receiver-down"
  | "slow-receiver"
  | "fan-out"
  | "scale-out"
  | "push-pull"
  | "validate-transform-route"
  | "broker-down";

export const PRESET_SPECS: Record<PresetId, ServicesSpec> = {
  calm: baseSpec("A calm day"),
  peak: baseSpec("Traffic peak", {
    ratePerSecond: 100,
    sender: { threads: 64, backlog: 50, timeoutMs: 1000, retries: 2, backoffMs: 200 },
    timeline: [
      { at: 5000, command: { type: "setRate", perSecond: 800 } },
      { at: 10_000, command: { type: "setRate", perSecond: 100 } },
    ],
  }),
  "receiver-down": baseSpec("Receiver down", {
    services: [service("orders")],
    timeline: [
      { at: 5000, command: { type: "stopReceiver", receiver: "orders-1" } },
      { at: 15_000, command: { type: "startReceiver", receiver: "orders-1" } },
    ],
  }),
  "slow-receiver": baseSpec("Slow receiver", {
    ratePerSecond: 60,
    timeline: [
      { at: 5000, command: { type: "slowReceiver", receiver: "orders-1", serviceMs: 400 } },
      { at: 20_000, command: { type: "slowReceiver", receiver: "orders-1", serviceMs: 20 } },
    ],
  }),
  "fan-out": baseSpec("Fan-out to ten services", {
    ratePerSecond: 60,
    sender: { threads: 16, backlog: 50, timeoutMs: 1000, retries: 2, backoffMs: 200 },
    services: FAN_OUT.map((id) => service(id)),
  }),
  "scale-out": baseSpec("Adding receivers", {
    ratePerSecond: 210,
    services: [service("orders", { serviceMs: 40 })],
    timeline: [
      { at: 8000, command: { type: "addReceiver", service: "orders" } },
      { at: 16_000, command: { type: "addReceiver", service: "orders" } },
    ],
  }),
  "push-pull": baseSpec("Push versus pull", {
    ratePerSecond: 60,
    services: [service("orders", { instances: 2, threads: 2, backlog: 10 })],
    timeline: [{ at: 0, command: { type: "slowReceiver", receiver: "orders-2", serviceMs: 200 } }],
  }),
  "validate-transform-route": baseSpec("Validate, transform, route", {
    badFraction: 0.1,
    kinds: ["order", "refund"],
    routes: { order: ["billing", "shipping"], refund: ["billing"] },
    transformMs: 3,
    services: [service("billing"), service("shipping")],
  }),
  "broker-down": baseSpec("The broker goes down", {
    timeline: [
      { at: 8000, command: { type: "stopBroker" } },
      { at: 14_000, command: { type: "startBroker" } },
    ],
  }),
};
