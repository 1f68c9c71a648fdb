// What happened in a services run, in the past tense. `explainServicesEvent` turns one into a
// line for a student; the hot path builds no strings.

import type { FailReason, VirtualMs } from "./types.ts";

type E<T extends string, F> = { type: T; time: VirtualMs } & F;

export type ServicesEvent =
  | E<"rateChanged", { perSecond: number }>
  | E<"receiverStopped", { receiver: string; lostWork: number }>
  | E<"receiverStarted", { receiver: string }>
  | E<"receiverSlowed", { receiver: string; serviceMs: number }>
  | E<"receiverAdded", { receiver: string; service: string }>
  | E<"brokerStopped", { handedOut: number }>
  | E<"brokerStarted", { waiting: number }>
  | E<"commandIgnored", { command: string; reason: string }>
  | E<"commandRejected", { message: string }>
  | E<"connectionOpened", { receiver: string; handshakeMs: number }>
  | E<"callRefused", { message: number; receiver: string; reason: FailReason }>
  | E<"callTimedOut", { message: number; receiver: string; timeoutMs: number }>
  | E<"retryScheduled", { message: number; attempt: number; inMs: number }>
  | E<"senderOverloaded", { message: number }>
  | E<"messageDelivered", { message: number; service: string; receiver: string; latencyMs: number }>
  | E<"messageProcessedAgain", { message: number; service: string; receiver: string }>
  | E<"deliveryFailed", { message: number; service: string; reason: FailReason }>
  | E<"messageDeadLettered", { message: number; service: string }>
  | E<"messagePublished", { message: number; queues: string[] }>
  | E<"messageTransformed", { message: number; service: string; by: "sender" | "broker" }>
  | E<"publishRejected", { message: number; queue: string }>
  | E<"pushDropped", { message: number; receiver: string }>;

export type ServicesEventType = ServicesEvent["type"];

/** Per-message events: recorded only when the caller asks for detail. */
export const SERVICES_DETAIL_EVENTS: ReadonlySet<ServicesEventType> = new Set<ServicesEventType>([
  "connectionOpened",
  "messageDelivered",
  "messagePublished",
  "messageTransformed",
  "retryScheduled",
]);
