// How a broker hands queued messages to receivers: to pulls waiting at the broker (each
// receiver asks when it has room), or pushed to the next receiver in turn whether it has room or
// not; acknowledgements, and what a stopped receiver gives back.

import {
  emit,
  endCopies,
  flashFailure,
  fly,
  markProcessed,
  schedule,
  type Ctx,
} from "./context.ts";
import { acceptWork, instancesOf, startNext, startWork } from "./receiver.ts";
import type { Entry, QueueState, ReceiverState, Work } from "./types.ts";

const BROKER = "broker";

/** Hands queued entries out: to waiting pulls, or (push) to the next receiver that is up. */
export function pump(ctx: Ctx, q: QueueState): void {
  const s = ctx.state;
  if (!s.broker!.up) return;
  if (s.spec.broker.delivery === "pull") {
    while (q.ready.length > 0 && q.waiting.length > 0) {
      const w = q.waiting.shift()!;
      const r = s.receivers[w.receiver];
      if (r && r.up) handOut(ctx, q, r, w.slot);
    }
    return;
  }
  const up = instancesOf(ctx, q.service).filter((r) => r.up);
  if (up.length === 0) return;
  // Push: the broker sends as soon as it has something, whether the receiver has room or not.
  while (q.ready.length > 0) handOut(ctx, q, up[q.next++ % up.length]!, -1);
}

function handOut(ctx: Ctx, q: QueueState, r: ReceiverState, slot: number): void {
  const s = ctx.state;
  const entry = q.ready.shift()!;
  q.unacked++;
  r.holding.push(entry);
  const at = s.time + s.spec.latencyMs;
  fly(ctx, "deliver", BROKER, r.id, s.time, at);
  schedule(ctx, at, {
    kind: "entryArrives",
    receiver: r.id,
    slot,
    incarnation: r.incarnation,
    entry,
  });
}

/** A receiver's puller slot asks the broker for the next message (a long poll). */
export function sendPull(ctx: Ctx, r: ReceiverState, slot: number, delay = 0): void {
  const s = ctx.state;
  const at = s.time + delay + s.spec.latencyMs;
  if (delay === 0) fly(ctx, "pull", r.id, BROKER, s.time, at);
  schedule(ctx, at, { kind: "pullArrives", receiver: r.id, slot, incarnation: r.incarnation });
}

export function handlePullArrives(
  ctx: Ctx,
  receiver: string,
  slot: number,
  incarnation: number,
): void {
  const s = ctx.state;
  const r = s.receivers[receiver];
  if (!r || !r.up || r.incarnation !== incarnation) return;
  const b = s.broker!;
  // A broker that is down does not answer: the receiver asks again later.
  if (!b.up) return sendPull(ctx, r, slot, s.spec.broker.pollRetryMs);
  const q = b.queues[r.service]!;
  if (q.ready.length > 0) handOut(ctx, q, r, slot);
  else q.waiting.push({ receiver, slot });
}

export function handleEntryArrives(
  ctx: Ctx,
  receiver: string,
  slot: number,
  incarnation: number,
  entry: Entry,
): void {
  const s = ctx.state;
  const r = s.receivers[receiver];
  // A receiver that went down meanwhile gave its entries back to the queue already.
  if (!r || r.incarnation !== incarnation) return;
  const work: Work = { id: s.nextId++, attempt: -1, entry, slot };
  if (slot >= 0) {
    // Pulled: the receiver asked for it, so it has room (a thread, or its prefetch buffer).
    if (r.processing.length < r.threads) startWork(ctx, r, work);
    else r.backlog.push(work);
    return;
  }
  if (acceptWork(ctx, r, work)) return;
  // Only push gets here: a pulling receiver asks only when a thread is free.
  const q = s.broker!.queues[r.service]!;
  if (dropHeld(r, entry.id)) q.unacked--;
  const d = s.deliveries[entry.delivery];
  emit(ctx, () => ({ type: "pushDropped", time: s.time, message: d?.message ?? -1, receiver }));
  flashFailure(ctx, receiver, "overwhelmed by push");
  endCopies(ctx, [entry.delivery], "overwhelmed by push");
}

function dropHeld(r: ReceiverState, entryId: number): boolean {
  const i = r.holding.findIndex((e) => e.id === entryId);
  if (i < 0) return false;
  r.holding.splice(i, 1);
  return true;
}

/** A receiver finished a broker entry: processed (or refused as invalid), then acknowledged. */
export function entryProcessed(ctx: Ctx, r: ReceiverState, work: Work): void {
  const s = ctx.state;
  const entry = work.entry!;
  const stillHeld = dropHeld(r, entry.id);
  const d = s.deliveries[entry.delivery];
  if (d && d.bad) flashFailure(ctx, r.id, "invalid message");
  else if (d) markProcessed(ctx, d, r.id);
  endCopies(ctx, [entry.delivery], d?.bad ? "invalid message" : null);
  if (stillHeld) {
    const at = s.time + s.spec.latencyMs;
    fly(ctx, "ack", r.id, BROKER, s.time, at);
    schedule(ctx, at, {
      kind: "ackArrives",
      service: r.service,
      brokerIncarnation: s.broker!.incarnation,
    });
  }
  startNext(ctx, r);
  if (work.slot >= 0) sendPull(ctx, r, work.slot);
}

export function handleAckArrives(ctx: Ctx, service: string, brokerIncarnation: number): void {
  const b = ctx.state.broker!;
  // Acknowledgements for entries handed out before a broker restart were requeued already.
  if (!b.up || b.incarnation !== brokerIncarnation) return;
  const q = b.queues[service]!;
  if (q.unacked > 0) q.unacked--;
}

/** A receiver stopped: what it held goes back to the front of its queue, to be handed out again. */
export function giveBack(ctx: Ctx, r: ReceiverState): void {
  const s = ctx.state;
  const b = s.broker!;
  const q = b.queues[r.service]!;
  q.waiting = q.waiting.filter((w) => w.receiver !== r.id);
  // (While the broker is down the list is empty: it requeued everything when it went down.)
  q.unacked -= r.holding.length;
  q.ready.unshift(...r.holding);
  r.holding = [];
  pump(ctx, q);
}

export function startReceiving(ctx: Ctx, r: ReceiverState): void {
  const s = ctx.state;
  // Two pullers per thread: one message prefetched while one is processed, so the pull's
  // round trip does not leave threads idle (a prefetch count of one per thread).
  if (s.spec.broker.delivery === "pull")
    for (let slot = 0; slot < 2 * r.threads; slot++) sendPull(ctx, r, slot);
  else pump(ctx, s.broker!.queues[r.service]!);
}
