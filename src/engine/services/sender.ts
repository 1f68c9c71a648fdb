// The sender: messages arrive at random (Poisson) at the current rate; each one becomes a job
// that holds one of the sender's threads until it is done, or waits in its bounded backlog.

import { emit, flashFailure, schedule, settle, type Ctx } from "./context.ts";
import { draw, drawExponential } from "./rng.ts";
import type { DeliveryState, FailReason, Job } from "./types.ts";

/** Starts the arrival chain again (a new epoch makes any older chain stop). */
export function restartArrivals(ctx: Ctx): void {
  const s = ctx.state;
  s.arrivalEpoch++;
  if (s.ratePerSecond > 0) scheduleNextArrival(ctx);
}

function scheduleNextArrival(ctx: Ctx): void {
  const s = ctx.state;
  const gap = drawExponential(s, "arrivals", 1000 / s.ratePerSecond);
  schedule(ctx, s.time + gap, { kind: "arrival", epoch: s.arrivalEpoch });
}

function targetsOf(ctx: Ctx, kind: string): string[] {
  const spec = ctx.state.spec;
  if (spec.routes === null) return spec.services.map((x) => x.id);
  return spec.routes[kind] ?? [];
}

export function handleArrival(ctx: Ctx, epoch: number): void {
  const s = ctx.state;
  if (epoch !== s.arrivalEpoch) return;
  scheduleNextArrival(ctx);
  const message = s.metrics.messages++;
  // Both streams are drawn for every message whatever the settings, so the two sides of a
  // comparison see the same messages.
  const bad = draw(s, "validity") < s.spec.badFraction;
  const kinds = s.spec.kinds;
  const kind = kinds[Math.floor(draw(s, "kinds") * kinds.length)] ?? "";
  const targets = targetsOf(ctx, kind);
  if (targets.length === 0) return;
  const deliveries: number[] = [];
  for (const service of targets) {
    const d: DeliveryState = {
      id: s.nextId++,
      message,
      service,
      createdAt: s.time,
      bad,
      status: "pending",
      reason: null,
      live: 0,
      held: true,
      processed: 0,
    };
    s.deliveries[d.id] = d;
    s.metrics.deliveries++;
    deliveries.push(d.id);
  }
  const job: Job = {
    id: s.nextId++,
    message,
    bad,
    deliveries,
    index: 0,
    tries: 0,
    startedAt: s.time,
    attempt: -1,
  };
  const sender = s.sender;
  if (sender.busyThreads < s.spec.sender.threads) {
    s.jobs[job.id] = job;
    beginJob(ctx, job);
  } else if (sender.waiting.length < s.spec.sender.backlog) {
    s.jobs[job.id] = job;
    sender.waiting.push(job.id);
  } else {
    emit(ctx, () => ({ type: "senderOverloaded", time: s.time, message }));
    flashFailure(ctx, "sender", "sender overloaded");
    releaseAll(ctx, job, "sender overloaded");
  }
}

function beginJob(ctx: Ctx, job: Job): void {
  const s = ctx.state;
  s.sender.busyThreads++;
  s.sender.running[job.id] = s.time;
  job.startedAt = s.time;
  schedule(ctx, s.time, { kind: "startJob", job: job.id });
}

/** The sender lets go of these deliveries (from `from` on), with the reason if they fail. */
export function releaseAll(ctx: Ctx, job: Job, reason: FailReason | null, from = 0): void {
  for (let i = from; i < job.deliveries.length; i++) release(ctx, job.deliveries[i]!, reason);
}

export function release(ctx: Ctx, id: number, reason: FailReason | null): void {
  const d = ctx.state.deliveries[id];
  if (!d) return;
  d.held = false;
  if (reason) d.reason = reason;
  settle(ctx, d);
}

/** The job is done: its thread is free for the next waiting message. */
export function finishJob(ctx: Ctx, job: Job): void {
  const s = ctx.state;
  const sender = s.sender;
  const started = sender.running[job.id];
  if (started !== undefined) s.metrics.senderBusyMs += s.time - started;
  delete sender.running[job.id];
  delete s.jobs[job.id];
  sender.busyThreads--;
  const next = sender.waiting.shift();
  const nextJob = next === undefined ? undefined : s.jobs[next];
  if (nextJob) beginJob(ctx, nextJob);
}

/** After a failed try: wait and try again (the thread stays busy), or report whether to give up. */
export function scheduleRetry(ctx: Ctx, job: Job): boolean {
  const s = ctx.state;
  const { retries, backoffMs } = s.spec.sender;
  if (job.tries >= retries) return false;
  job.tries++;
  const inMs = backoffMs * 2 ** (job.tries - 1);
  s.metrics.retries++;
  emit(ctx, () => ({
    type: "retryScheduled",
    time: s.time,
    message: job.message,
    attempt: job.tries + 1,
    inMs,
  }));
  schedule(ctx, s.time + inMs, { kind: "retry", job: job.id });
  return true;
}
