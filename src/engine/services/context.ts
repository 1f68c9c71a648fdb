// The narrow interface the services rules use: schedule a task, emit an event, draw a flight,
// and move a delivery through its one-way lifecycle (pending, then delivered, failed or
// dead-lettered, exactly once).

import { SERVICES_DETAIL_EVENTS, type ServicesEvent } from "./events.ts";
import { heapPush as push } from "../queue.ts";
import type {
  DeliveryState,
  FailReason,
  Flight,
  ServicesState,
  ServicesTask,
  VirtualMs,
} from "./types.ts";

export interface Ctx {
  state: ServicesState;
  events: ServicesEvent[] | null;
  detail: boolean;
}

const MAX_RECENT_FAILURES = 40;

export function schedule(ctx: Ctx, at: VirtualMs, task: ServicesTask): void {
  const s = ctx.state;
  push(s.queue, { at, seq: s.seq++, task });
}

/** Events are built lazily, so an untraced run allocates nothing for them. */
export function emit(ctx: Ctx, make: () => ServicesEvent): void {
  if (ctx.events === null) return;
  const event = make();
  if (!ctx.detail && SERVICES_DETAIL_EVENTS.has(event.type)) return;
  ctx.events.push(event);
}

export function fly(
  ctx: Ctx,
  kind: Flight["kind"],
  from: string,
  to: string,
  sentAt: VirtualMs,
  arrivesAt: VirtualMs,
): void {
  const s = ctx.state;
  s.flights.push({ id: s.nextId++, kind, from, to, sentAt, arrivesAt });
}

/** Marks a failure where it happened, for the view to flash. */
export function flashFailure(ctx: Ctx, where: string, reason: FailReason): void {
  const list = ctx.state.recentFailures;
  list.push({ at: ctx.state.time, where, reason });
  if (list.length > MAX_RECENT_FAILURES) list.shift();
}

export function delivery(ctx: Ctx, id: number): DeliveryState | undefined {
  return ctx.state.deliveries[id];
}

/** A copy or a call of this delivery reached a receiver and was processed. */
export function markProcessed(ctx: Ctx, d: DeliveryState, receiver: string): void {
  const s = ctx.state;
  d.processed++;
  if (d.status === "delivered") {
    s.metrics.duplicates++;
    emit(ctx, () => ({
      type: "messageProcessedAgain",
      time: s.time,
      message: d.message,
      service: d.service,
      receiver,
    }));
    return;
  }
  // Any other status here would break the lifecycle; the event still says what happened, so
  // the trace (and the property tests reading it) shows it.
  d.status = "delivered";
  s.metrics.delivered++;
  // A tenth of a millisecond is precision enough, and keeps checkpoints small.
  const latencyMs = Math.round((s.time - d.createdAt) * 10) / 10;
  s.metrics.latencies.push(latencyMs);
  emit(ctx, () => ({
    type: "messageDelivered",
    time: s.time,
    message: d.message,
    service: d.service,
    receiver,
    latencyMs,
  }));
}

/** A malformed message taken out of the flow into the dead-letter queue: kept, not delivered. */
export function markDeadLettered(ctx: Ctx, d: DeliveryState): void {
  const s = ctx.state;
  if (d.status !== "pending") return;
  d.status = "deadLettered";
  s.metrics.deadLettered++;
  emit(ctx, () => ({
    type: "messageDeadLettered",
    time: s.time,
    message: d.message,
    service: d.service,
  }));
  settle(ctx, d);
}

/**
 * Called whenever a delivery loses a live copy or the sender lets go of it. It fails only once
 * nothing can deliver it any more (no copy in flight, queued or being processed, and the sender
 * done with it): a timed-out call that a receiver still finishes is delivered, not failed.
 */
export function settle(ctx: Ctx, d: DeliveryState): void {
  if (d.live > 0 || d.held) return;
  const s = ctx.state;
  if (d.status === "pending") {
    const reason: FailReason = d.reason ?? "timed out";
    d.status = "failed";
    s.metrics.failed++;
    s.metrics.failedBy[reason] = (s.metrics.failedBy[reason] ?? 0) + 1;
    emit(ctx, () => ({
      type: "deliveryFailed",
      time: s.time,
      message: d.message,
      service: d.service,
      reason,
    }));
  }
  delete s.deliveries[d.id];
}

/** One live copy or call of each of these deliveries ended. */
export function endCopies(ctx: Ctx, ids: readonly number[], reason: FailReason | null): void {
  for (const id of ids) {
    const d = delivery(ctx, id);
    if (!d) continue;
    d.live--;
    if (reason) d.reason = reason;
    settle(ctx, d);
  }
}
