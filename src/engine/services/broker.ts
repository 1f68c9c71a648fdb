// Publishing through a broker: the sender publishes once and is done when the broker
// acknowledges; the broker validates, reshapes and routes the message into one bounded queue
// per subscribing service (brokerDelivery.ts hands the queues to receivers).

import {
  emit,
  endCopies,
  flashFailure,
  fly,
  markDeadLettered,
  schedule,
  type Ctx,
} from "./context.ts";
import { pump } from "./brokerDelivery.ts";
import { finishJob, releaseAll, scheduleRetry } from "./sender.ts";
import type { Attempt, FailReason, Job } from "./types.ts";

const BROKER = "broker";

export function publish(ctx: Ctx, job: Job): void {
  const s = ctx.state;
  const b = s.broker!;
  let prep = 0;
  if (!s.sender.brokerConnected) {
    // One long-lived connection to the broker, set up once (and again after a broker restart).
    prep = s.spec.direct.handshakeMs;
    s.sender.brokerConnected = true;
    s.metrics.connectionsOpened++;
    emit(ctx, () => ({
      type: "connectionOpened",
      time: s.time,
      receiver: BROKER,
      handshakeMs: prep,
    }));
  }
  const a: Attempt = {
    id: s.nextId++,
    job: job.id,
    message: job.message,
    to: BROKER,
    deliveries: job.deliveries,
    sentAt: s.time,
    newConnection: prep > 0,
    connected: true,
    incarnation: b.incarnation,
    senderDone: false,
    phase: "travelling",
  };
  s.attempts[a.id] = a;
  job.attempt = a.id;
  for (const id of job.deliveries) {
    const d = s.deliveries[id];
    if (d) d.live++;
  }
  s.metrics.calls++;
  const arrives = s.time + prep + s.spec.latencyMs;
  fly(ctx, "publish", "sender", BROKER, s.time + prep, arrives);
  schedule(ctx, arrives, { kind: "callArrives", attempt: a.id });
  schedule(ctx, s.time + s.spec.sender.timeoutMs, { kind: "callTimeout", attempt: a.id });
}

function endPublish(ctx: Ctx, a: Attempt, reason: FailReason | null): void {
  if (a.phase === "ended") return;
  a.phase = "ended";
  endCopies(ctx, a.deliveries, reason);
  if (a.senderDone) delete ctx.state.attempts[a.id];
}

function answerPublish(ctx: Ctx, a: Attempt, outcome: "ok" | FailReason): void {
  const s = ctx.state;
  const at = s.time + s.spec.latencyMs;
  fly(ctx, outcome === "ok" ? "ack" : "refusal", BROKER, "sender", s.time, at);
  schedule(ctx, at, { kind: "callAnswered", attempt: a.id, outcome });
}

export function handlePublishArrives(ctx: Ctx, a: Attempt): void {
  const s = ctx.state;
  const b = s.broker!;
  if (a.senderDone) return endPublish(ctx, a, null);
  if (!b.up) {
    emit(ctx, () => ({
      type: "callRefused",
      time: s.time,
      message: a.message,
      receiver: BROKER,
      reason: "broker down",
    }));
    flashFailure(ctx, BROKER, "broker down");
    answerPublish(ctx, a, "broker down");
    return endPublish(ctx, a, "broker down");
  }
  a.phase = "queued";
  // The broker works through publishes one at a time: under load they wait their turn.
  const work = s.spec.broker.workMs + s.spec.transformMs * a.deliveries.length;
  b.freeAt = Math.max(s.time, b.freeAt) + work;
  schedule(ctx, b.freeAt, { kind: "publishHandled", attempt: a.id, incarnation: b.incarnation });
}

export function handlePublishHandled(ctx: Ctx, attemptId: number, incarnation: number): void {
  const s = ctx.state;
  const b = s.broker!;
  const a = s.attempts[attemptId];
  if (!a) return;
  // A broker that went down meanwhile lost the publish; the sender will time out and retry.
  if (incarnation !== b.incarnation) return endPublish(ctx, a, "broker down");
  const queued: string[] = [];
  const message = a.message;
  for (const id of a.deliveries) {
    const d = s.deliveries[id];
    if (!d || d.status === "deadLettered") continue;
    if (d.bad && s.spec.broker.validate) {
      b.deadLetters++;
      markDeadLettered(ctx, d);
      continue;
    }
    if (s.spec.transformMs > 0) {
      b.transformed++;
      emit(ctx, () => ({
        type: "messageTransformed",
        time: s.time,
        message: d.message,
        service: d.service,
        by: "broker",
      }));
    }
    const q = b.queues[d.service]!;
    if (q.ready.length + q.unacked >= s.spec.broker.queueCapacity) {
      q.rejected++;
      d.reason = "queue full";
      emit(ctx, () => ({ type: "publishRejected", time: s.time, message, queue: q.service }));
      flashFailure(ctx, BROKER, "queue full");
      continue;
    }
    d.live++;
    q.ready.push({ id: s.nextId++, delivery: d.id, enqueuedAt: s.time });
    queued.push(q.service);
  }
  if (s.spec.routes !== null) b.routed++;
  emit(ctx, () => ({ type: "messagePublished", time: s.time, message, queues: queued }));
  // The publish is acknowledged even if a queue rejected it: the rejection is the broker's
  // answer, and retrying into a full queue would only add load.
  if (!a.senderDone) answerPublish(ctx, a, "ok");
  endPublish(ctx, a, null);
  for (const service of queued) pump(ctx, b.queues[service]!);
}

export function handlePublishAnswered(ctx: Ctx, a: Attempt, outcome: "ok" | FailReason): void {
  const s = ctx.state;
  if (a.senderDone) return;
  a.senderDone = true;
  if (a.phase === "ended") delete s.attempts[a.id];
  const job = s.jobs[a.job];
  if (!job) return;
  if (outcome === "ok") {
    releaseAll(ctx, job, null);
    return finishJob(ctx, job);
  }
  s.sender.brokerConnected = false;
  if (!scheduleRetry(ctx, job)) giveUp(ctx, job, outcome);
}

export function handlePublishTimeout(ctx: Ctx, a: Attempt): void {
  const s = ctx.state;
  if (a.senderDone) return;
  a.senderDone = true;
  emit(ctx, () => ({
    type: "callTimedOut",
    time: s.time,
    message: a.message,
    receiver: BROKER,
    timeoutMs: s.spec.sender.timeoutMs,
  }));
  flashFailure(ctx, BROKER, "timed out");
  // A publish already waiting at the broker is still handled: a retry may queue it twice.
  if (a.phase === "ended") delete s.attempts[a.id];
  for (const id of a.deliveries) {
    const d = s.deliveries[id];
    if (d && d.reason === null) d.reason = "timed out";
  }
  const job = s.jobs[a.job];
  if (!job) return;
  if (!scheduleRetry(ctx, job)) giveUp(ctx, job, "timed out");
}

function giveUp(ctx: Ctx, job: Job, reason: FailReason): void {
  releaseAll(ctx, job, reason);
  finishJob(ctx, job);
}
