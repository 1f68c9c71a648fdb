// The broker itself going down and coming back: its queues are on disk and survive; what it
// had handed out but not seen acknowledged is handed out again.

import type { Ctx } from "./context.ts";
import { pump, sendPull } from "./brokerDelivery.ts";
import type { Entry } from "./types.ts";

export function stopBroker(ctx: Ctx): number {
  const s = ctx.state;
  const b = s.broker!;
  b.up = false;
  b.incarnation++;
  s.sender.brokerConnected = false;
  let handedOut = 0;
  for (const service in b.queues) {
    const q = b.queues[service]!;
    // Waiting pulls are cut off: their receivers will ask again later.
    for (const w of q.waiting) {
      const r = s.receivers[w.receiver];
      if (r) sendPull(ctx, r, w.slot, s.spec.broker.pollRetryMs);
    }
    q.waiting = [];
    q.unacked = 0;
  }
  // The queues are on disk; what was handed out but not acknowledged will be handed out again.
  for (const id of s.receiverOrder) {
    const r = s.receivers[id]!;
    handedOut += r.holding.length;
    for (const e of r.holding) {
      const copy: Entry = { id: s.nextId++, delivery: e.delivery, enqueuedAt: e.enqueuedAt };
      const d = s.deliveries[e.delivery];
      if (d) d.live++;
      b.queues[r.service]!.ready.unshift(copy);
    }
    r.holding = [];
  }
  return handedOut;
}

export function startBroker(ctx: Ctx): number {
  const s = ctx.state;
  const b = s.broker!;
  b.up = true;
  b.freeAt = s.time;
  let waiting = 0;
  for (const service in b.queues) {
    const q = b.queues[service]!;
    waiting += q.ready.length;
    pump(ctx, q);
  }
  return waiting;
}
