// Direct, synchronous calls: the sender calls each target service in turn and waits for the
// answer, paying a handshake for every new connection, bounded by the receiver's connections,
// threads and backlog, with a timeout and retries that keep the sender's thread busy.

import {
  emit,
  endCopies,
  flashFailure,
  fly,
  markProcessed,
  schedule,
  type Ctx,
} from "./context.ts";
import { acceptWork, instancesOf, startNext } from "./receiver.ts";
import { finishJob, release, scheduleRetry } from "./sender.ts";
import type { Attempt, FailReason, Job, ReceiverState, Work } from "./types.ts";

/** Calls the job's current target, or finishes the job when every target has been tried. */
export function callCurrent(ctx: Ctx, job: Job): void {
  const s = ctx.state;
  const id = job.deliveries[job.index];
  if (id === undefined) {
    finishJob(ctx, job);
    return;
  }
  const d = s.deliveries[id];
  const instances = d ? instancesOf(ctx, d.service) : [];
  if (!d || instances.length === 0) {
    nextTarget(ctx, job, "receiver down");
    return;
  }
  // Round robin over the service's receivers: the sender has to know every address.
  const turn = s.sender.nextInstance[d.service] ?? 0;
  s.sender.nextInstance[d.service] = turn + 1;
  const r = instances[turn % instances.length]!;
  const { handshakeMs, keepAlive } = s.spec.direct;
  const reuse = keepAlive && r.idleConnections > 0 && r.up;
  if (reuse) r.idleConnections--;
  let prep = 0;
  if (s.spec.transformMs > 0) {
    // Without a broker the sender reshapes each message for each receiver itself.
    prep += s.spec.transformMs;
    emit(ctx, () => ({
      type: "messageTransformed",
      time: s.time,
      message: d.message,
      service: d.service,
      by: "sender",
    }));
  }
  if (!reuse) {
    prep += handshakeMs;
    s.metrics.connectionsOpened++;
    emit(ctx, () => ({ type: "connectionOpened", time: s.time, receiver: r.id, handshakeMs }));
  }
  const a: Attempt = {
    id: s.nextId++,
    job: job.id,
    message: job.message,
    to: r.id,
    deliveries: [id],
    sentAt: s.time,
    newConnection: !reuse,
    connected: reuse,
    incarnation: r.incarnation,
    senderDone: false,
    phase: "travelling",
  };
  s.attempts[a.id] = a;
  job.attempt = a.id;
  d.live++;
  s.metrics.calls++;
  const arrives = s.time + prep + s.spec.latencyMs;
  fly(ctx, "call", "sender", r.id, s.time + prep, arrives);
  schedule(ctx, arrives, { kind: "callArrives", attempt: a.id });
  schedule(ctx, s.time + s.spec.sender.timeoutMs, { kind: "callTimeout", attempt: a.id });
}

function nextTarget(ctx: Ctx, job: Job, reason: FailReason | null): void {
  const id = job.deliveries[job.index];
  if (id !== undefined) release(ctx, id, reason);
  job.index++;
  job.tries = 0;
  callCurrent(ctx, job);
}

function endAttempt(ctx: Ctx, a: Attempt, reason: FailReason | null): void {
  if (a.phase === "ended") return;
  a.phase = "ended";
  endCopies(ctx, a.deliveries, reason);
  if (a.senderDone) delete ctx.state.attempts[a.id];
}

function closeConnection(ctx: Ctx, a: Attempt): void {
  if (!a.connected) return;
  a.connected = false;
  const r = ctx.state.receivers[a.to];
  if (r && r.incarnation === a.incarnation) r.connections--;
}

/** The receiver answers; the answer travels back to the sender. */
function answer(ctx: Ctx, a: Attempt, outcome: "ok" | "invalid" | FailReason): void {
  const s = ctx.state;
  const at = s.time + s.spec.latencyMs;
  fly(ctx, outcome === "ok" ? "reply" : "refusal", a.to, "sender", s.time, at);
  schedule(ctx, at, { kind: "callAnswered", attempt: a.id, outcome });
}

function refuse(ctx: Ctx, a: Attempt, reason: FailReason): void {
  const s = ctx.state;
  emit(ctx, () => ({
    type: "callRefused",
    time: s.time,
    message: a.message,
    receiver: a.to,
    reason,
  }));
  flashFailure(ctx, a.to, reason);
  answer(ctx, a, reason);
  endAttempt(ctx, a, reason);
}

export function handleCallArrives(ctx: Ctx, attemptId: number): void {
  const s = ctx.state;
  const a = s.attempts[attemptId];
  if (!a) return;
  // The sender already gave up and closed the connection: the request goes nowhere.
  if (a.senderDone) return endAttempt(ctx, a, null);
  const r = s.receivers[a.to];
  if (!r || !r.up || (a.connected && a.incarnation !== r.incarnation)) {
    a.connected = false;
    return refuse(ctx, a, "receiver down");
  }
  if (a.newConnection) {
    if (r.connections >= r.maxConnections) return refuse(ctx, a, "too many connections");
    r.connections++;
    a.connected = true;
    a.incarnation = r.incarnation;
  }
  const d = s.deliveries[a.deliveries[0]!];
  if (d?.bad) {
    // The receiver validates the request itself: a 400, and nobody keeps the message.
    flashFailure(ctx, r.id, "invalid message");
    answer(ctx, a, "invalid");
    return endAttempt(ctx, a, "invalid message");
  }
  const work: Work = { id: s.nextId++, attempt: a.id, entry: null, slot: -1 };
  if (!acceptWork(ctx, r, work)) refuse(ctx, a, "receiver busy");
}

/** A receiver finished a direct call's work (the message is processed). */
export function callProcessed(ctx: Ctx, r: ReceiverState, work: Work): void {
  const s = ctx.state;
  const a = s.attempts[work.attempt];
  if (a) {
    const d = s.deliveries[a.deliveries[0]!];
    if (d) markProcessed(ctx, d, r.id);
    if (!a.senderDone) answer(ctx, a, "ok");
    endAttempt(ctx, a, null);
  }
  startNext(ctx, r);
}

export function handleCallAnswered(
  ctx: Ctx,
  attemptId: number,
  outcome: "ok" | "invalid" | FailReason,
): void {
  const s = ctx.state;
  const a = s.attempts[attemptId];
  if (!a || a.senderDone) return;
  a.senderDone = true;
  if (a.phase === "ended") delete s.attempts[a.id];
  const r = s.receivers[a.to];
  if (a.connected && s.spec.direct.keepAlive && r && r.up && r.incarnation === a.incarnation) {
    r.idleConnections++; // kept alive for the next call
    a.connected = false;
  } else closeConnection(ctx, a);
  const job = s.jobs[a.job];
  if (!job) return;
  if (outcome === "ok" || outcome === "invalid") return nextTarget(ctx, job, null);
  if (!scheduleRetry(ctx, job)) nextTarget(ctx, job, outcome);
}

export function handleCallTimeout(ctx: Ctx, attemptId: number): void {
  const s = ctx.state;
  const a = s.attempts[attemptId];
  if (!a || a.senderDone) return;
  a.senderDone = true;
  emit(ctx, () => ({
    type: "callTimedOut",
    time: s.time,
    message: a.message,
    receiver: a.to,
    timeoutMs: s.spec.sender.timeoutMs,
  }));
  flashFailure(ctx, a.to, "timed out");
  closeConnection(ctx, a);
  const r = s.receivers[a.to];
  if (a.phase === "queued" && r) {
    // The caller hung up: the receiver drops the request from its backlog unprocessed.
    const i = r.backlog.findIndex((w) => w.attempt === a.id);
    if (i >= 0) r.backlog.splice(i, 1);
    endAttempt(ctx, a, "timed out");
  } else if (a.phase === "ended") delete s.attempts[a.id];
  // A call being processed finishes anyway: the work is done, only the answer is lost.
  for (const id of a.deliveries) {
    const d = s.deliveries[id];
    if (d) d.reason = "timed out";
  }
  const job = s.jobs[a.job];
  if (!job) return;
  if (!scheduleRetry(ctx, job)) nextTarget(ctx, job, "timed out");
}

/** A receiver stopped: its queued and running calls are gone; the callers will time out. */
export function dropCalls(ctx: Ctx, works: readonly Work[]): void {
  for (const w of works) {
    const a = ctx.state.attempts[w.attempt];
    if (a) endAttempt(ctx, a, "timed out");
  }
}
