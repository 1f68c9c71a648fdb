// A receiver's worker threads and backlog, shared by direct calls and broker deliveries: work
// starts at once if a thread is free, waits in the bounded backlog if not, and is refused when
// that is full too.

import { schedule, type Ctx } from "./context.ts";
import { draw } from "./rng.ts";
import type { ReceiverState, Work } from "./types.ts";

/** Whether the receiver took the work (processing or backlog). */
export function acceptWork(ctx: Ctx, r: ReceiverState, work: Work): boolean {
  if (r.processing.length < r.threads) {
    startWork(ctx, r, work);
    return true;
  }
  if (r.backlog.length < r.backlogLimit) {
    r.backlog.push(work);
    const a = ctx.state.attempts[work.attempt];
    if (a) a.phase = "queued";
    return true;
  }
  return false;
}

export function startWork(ctx: Ctx, r: ReceiverState, work: Work): void {
  const s = ctx.state;
  r.processing.push(work);
  const a = s.attempts[work.attempt];
  if (a) a.phase = "processing";
  // Each message takes the receiver's service time, give or take 20%.
  const ms = r.serviceMs * (0.8 + 0.4 * draw(s, `service:${r.id}`));
  schedule(ctx, s.time + ms, {
    kind: "workDone",
    receiver: r.id,
    incarnation: r.incarnation,
    work,
  });
}

/** Removes finished work from the threads; returns false if it was not there (a crash took it). */
export function finishWork(r: ReceiverState, work: Work): boolean {
  const i = r.processing.findIndex((w) => w.id === work.id);
  if (i < 0) return false;
  r.processing.splice(i, 1);
  return true;
}

/** A thread came free: start the next backlog item, if any. */
export function startNext(ctx: Ctx, r: ReceiverState): void {
  const next = r.backlog.shift();
  if (next) startWork(ctx, r, next);
}

export function instancesOf(ctx: Ctx, service: string): ReceiverState[] {
  const s = ctx.state;
  const out: ReceiverState[] = [];
  for (const id of s.receiverOrder) {
    const r = s.receivers[id]!;
    if (r.service === service) out.push(r);
  }
  return out;
}
