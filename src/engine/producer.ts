// The producer client: a load generator, Kafka's partitioners, the record accumulator
// (linger.ms, batch.size), the sender with max in-flight requests, retries with
// retry.backoff.ms until delivery.timeout.ms, idempotent sequence numbers, and the callbacks.

import { removeAt } from "./arrays.ts";
import { joinKey, recordsLabel } from "./intern.ts";
import {
  timerFired,
  armTimer,
  emit,
  emitBuilt,
  reachable,
  schedule,
  sendCarrying,
  type Ctx,
  transferKeys,
} from "./context.ts";
import { onAcknowledged, onUnacknowledgedDrop } from "./audit.ts";
import { recordBytes } from "./log.ts";
import { brokerParty, producerParty, type MessageBody } from "./messages.ts";
import {
  onStickyAppend,
  partitionForKey,
  roundRobinPartition,
  stickyPartition,
} from "./partitioner.ts";
import { random, randomPositiveInt } from "./random.ts";
import { resolveProducerConfig, type Acks, type ProducerConfig } from "./config.ts";
import type { EngineError } from "./topics.ts";
import type { PendingBatch, PendingRecord, ProducerState, SimState } from "./types.ts";

/** Errors the Java client retries (RetriableException subclasses). */
const RETRIABLE = new Set([
  "NotLeaderOrFollower",
  "NotEnoughReplicas",
  "NotEnoughReplicasAfterAppend",
  "RequestTimedOut",
  "NetworkException",
]);

/**
 * KIP-580 (Kafka 3.7+): retry.backoff.ms doubles with each attempt up to retry.backoff.max.ms,
 * with 20% jitter either way.
 */
function retryBackoff(state: SimState, pr: ProducerState, attempts: number): number {
  const base = pr.config.retryBackoffMs;
  const max = Math.max(base, pr.config.retryBackoffMaxMs);
  const exp = Math.min(max, base * 2 ** Math.max(0, Math.min(30, attempts - 1)));
  const jitter = 0.8 + 0.4 * random(state, joinKey("backoff", ":", pr.id));
  return Math.max(1, Math.round(Math.min(max, exp * jitter)));
}

/** A hot key takes this share of the records (a skewed workload). */
const HOT_KEY_SHARE = 0.8;

export function producerTickMs(ratePerSec: number): number {
  return Math.min(1000, Math.max(5, Math.round(1000 / ratePerSec)));
}

function availablePartitions(state: SimState, pr: ProducerState): number[] {
  const out: number[] = [];
  const t = state.topics[pr.topic];
  if (!t) return out;
  for (const p of t.partitions)
    if ((pr.leaderCache[p.partition] ?? p.leader) >= 0) out.push(p.partition);
  return out;
}

/** Metadata refresh: the producer learns the controller's current leaders. */
function refreshMetadata(state: SimState, pr: ProducerState): void {
  const t = state.topics[pr.topic];
  if (!t) return;
  for (const p of t.partitions) pr.leaderCache[p.partition] = p.leader;
}

function pickKey(state: SimState, pr: ProducerState): string | null {
  if (!pr.keys || pr.keys.length === 0) return null;
  const stream = joinKey("keys", ":", pr.id);
  if (pr.keyDistribution === "hot" && random(state, stream) < HOT_KEY_SHARE) return pr.keys[0]!;
  return pr.keys[Math.floor(random(state, stream) * pr.keys.length)]!;
}

/**
 * Wakes the sender at `at` unless it is already due to run by then: one pending wake per
 * producer, however many records, acks and retries ask for one.
 */
export function scheduleSend(ctx: Ctx, pr: ProducerState, at: number): void {
  if (pr.sendScheduledAt >= ctx.state.time && pr.sendScheduledAt <= at) return;
  pr.sendScheduledAt = at;
  // The generator's tick at that moment runs the sender first: with linger.ms equal to the
  // tick (the usual case under load) this halves the producer's share of the queue.
  if (at === pr.nextTickAt) return;
  schedule(ctx, at, { kind: "producerSend", producer: pr.id });
}

/**
 * acks changed live, resolved by KafkaProducer's rule as if the producer were created with it
 * (config.ts): with acks other than all, idempotence is off unless the config asked for it, and
 * asking for it refuses the change (ConfigException); back to all, it is on again unless the
 * config turned it off, under a new producer id whose sequences start at 0.
 */
export function changeAcks(s: SimState, pr: ProducerState, acks: Acks): EngineError | null {
  const { enableIdempotence: _current, ...rest } = pr.config;
  const given: Partial<ProducerConfig> =
    pr.idempotenceAsked === null
      ? { ...rest, acks }
      : { ...rest, acks, enableIdempotence: pr.idempotenceAsked };
  const resolved = resolveProducerConfig(given);
  if (!resolved.ok)
    return {
      name: "ConfigException",
      message: `Producer ${pr.id}: ${resolved.errors.map((e) => e.message).join(" ")}`,
    };
  const idempotent = resolved.config.enableIdempotence;
  if (idempotent !== pr.producerId >= 0) {
    pr.producerId = idempotent ? s.nextProducerId++ : -1;
    pr.producerEpoch = 0;
    pr.nextSequence = {};
    pr.sequenceEpochs = {};
    for (const b of pr.batches) {
      b.baseSequence = -1;
      b.producerEpoch = -1;
    }
  }
  pr.config = resolved.config;
  return null;
}

/** Schedules the rate generator's next tick. */
export function scheduleTick(ctx: Ctx, pr: ProducerState, at: number): void {
  pr.nextTickAt = at;
  schedule(ctx, at, { kind: "producerTick", producer: pr.id });
}

/** The sticky partitioner draws a new partition (its own function: the draw is a closure). */
function newStickyPartition(s: SimState, pr: ProducerState, n: number): number {
  return stickyPartition(pr.sticky, availablePartitions(s, pr), n, () =>
    randomPositiveInt(s, joinKey("partitioner", ":", pr.id)),
  );
}

/** KafkaProducer.send: choose the partition and append to the accumulator. */
export function enqueueRecord(
  ctx: Ctx,
  pr: ProducerState,
  key: string | null,
  value: string | null,
  headers: Record<string, string>,
  explicitPartition?: number,
): void {
  const s = ctx.state;
  const t = s.topics[pr.topic];
  if (!t) return;
  const n = t.partitions.length;
  let partition: number;
  let sticky = false;
  if (explicitPartition !== undefined) partition = explicitPartition;
  else if (key !== null) partition = partitionForKey(key, n);
  else if (pr.config.partitioner === "roundrobin")
    partition = roundRobinPartition(pr.roundRobinCounter++, availablePartitions(s, pr), n);
  else {
    // The led partitions are listed only when a new sticky partition is drawn.
    partition = pr.sticky.current ?? newStickyPartition(s, pr, n);
    sticky = true;
  }
  const bytes = recordBytes(key, value, headers);
  const record: PendingRecord = {
    recordId: s.nextId++,
    key,
    value,
    headers,
    timestamp: s.time,
    bytes,
  };
  pr.sent++;
  let batch: PendingBatch | undefined;
  for (const b of pr.batches) {
    if (
      b.partition === partition &&
      !b.inFlight &&
      b.attempts === 0 &&
      b.bytes + bytes <= pr.config.batchSize
    ) {
      batch = b;
      break;
    }
  }
  if (!batch) {
    batch = {
      batchId: pr.nextBatchId++,
      topic: pr.topic,
      partition,
      records: [],
      bytes: 0,
      createdAt: s.time,
      attempts: 0,
      baseSequence: -1,
      producerEpoch: -1,
      inFlight: false,
      retryAt: 0,
      requestDeadline: 0,
    };
    pr.batches.push(batch);
    scheduleSend(ctx, pr, s.time + pr.config.lingerMs);
  }
  batch.records.push(record);
  batch.bytes += bytes;
  if (sticky) onStickyAppend(pr.sticky, bytes, pr.config.batchSize);
  if (batch.bytes >= pr.config.batchSize) scheduleSend(ctx, pr, s.time);
}

/** Generated records carry no headers: one shared, frozen empty object (records are immutable). */
const NO_HEADERS = Object.freeze({}) as Record<string, string>;

/** The rate generator: records owed since the last tick, keys drawn from the producer's stream. */
export function handleProducerTick(ctx: Ctx, producerId: string): void {
  const s = ctx.state;
  const pr = s.producers[producerId];
  if (!pr || pr.nextTickAt !== s.time) return;
  pr.nextTickAt = -1;
  if (pr.sendScheduledAt === s.time) handleProducerSend(ctx, producerId);
  if (!pr.running || pr.ratePerSec <= 0) return;
  const tick = producerTickMs(pr.ratePerSec);
  // The next tick is known before the records go in, so their linger can end in it.
  scheduleTick(ctx, pr, s.time + tick);
  pr.rateCarry += (pr.ratePerSec * tick) / 1000;
  while (pr.rateCarry >= 1) {
    pr.rateCarry -= 1;
    const n = pr.nextRecordNumber++;
    enqueueRecord(ctx, pr, pickKey(s, pr), `${pr.valuePrefix}${n}`, NO_HEADERS);
  }
}

function failBatch(ctx: Ctx, pr: ProducerState, batch: PendingBatch, error: string): void {
  removeAt(pr.batches, pr.batches.indexOf(batch));
  pr.failed += batch.records.length;
  pr.errors[error] = (pr.errors[error] ?? 0) + batch.records.length;
  const time = ctx.state.time;
  emit(ctx, () => ({
    type: "produceFailed",
    time,
    producer: pr.id,
    topic: batch.topic,
    partition: batch.partition,
    error,
    count: batch.records.length,
  }));
}

function isDue(pr: ProducerState, b: PendingBatch, now: number): boolean {
  if (b.attempts > 0) return b.retryAt <= now;
  return b.bytes >= pr.config.batchSize || now >= b.createdAt + pr.config.lingerMs;
}

function inFlightFor(pr: ProducerState, partition: number): number {
  let n = 0;
  for (const b of pr.batches) if (b.partition === partition && b.inFlight) n++;
  return n;
}

/** The Sender: drains ready batches into produce requests. */
export function handleProducerSend(ctx: Ctx, producerId: string): void {
  const s = ctx.state;
  const pr = s.producers[producerId];
  // A superseded wake (an earlier one already ran and rescheduled) does nothing.
  if (!pr || pr.sendScheduledAt !== s.time) return;
  pr.sendScheduledAt = -1;
  let wakeAt = Infinity;
  // Partitions blocked for this pass: few, so a reused array beats a Set per wake.
  const blocked = BLOCKED;
  blocked.length = 0;
  const batches = pr.batches;
  // Indexed, not over a copy: a step removes at most the batch at hand (failed, or done at
  // once with acks=0), and the index then steps back.
  for (let i = 0; i < batches.length; i++) {
    const batch = batches[i]!;
    wakeAt = Math.min(wakeAt, drainStep(ctx, pr, batch, blocked));
    if (batches[i] !== batch) i--;
  }
  if (wakeAt < Infinity) scheduleSend(ctx, pr, Math.max(wakeAt, s.time + 1));
}

const BLOCKED: number[] = [];

/** One batch of the Sender's pass: send it if it may go; returns when to look again. */
function drainStep(ctx: Ctx, pr: ProducerState, batch: PendingBatch, blocked: number[]): number {
  const s = ctx.state;
  if (batch.inFlight) return Infinity;
  if (s.time - batch.createdAt >= pr.config.deliveryTimeoutMs) {
    failBatch(ctx, pr, batch, "TimeoutException");
    return Infinity;
  }
  // Idempotence keeps order per partition: nothing overtakes a batch waiting to be retried.
  if (blocked.includes(batch.partition)) return Infinity;
  const ready =
    batch.attempts > 0 ||
    batch.bytes >= pr.config.batchSize ||
    s.time >= batch.createdAt + pr.config.lingerMs;
  const due = Math.max(
    batch.retryAt,
    batch.attempts > 0 ? 0 : batch.createdAt + pr.config.lingerMs,
  );
  // A waiting batch expires exactly at delivery.timeout.ms, even in its retry backoff.
  const expiresAt = batch.createdAt + pr.config.deliveryTimeoutMs;
  if (!ready || s.time < batch.retryAt) {
    if (pr.config.enableIdempotence) blocked.push(batch.partition);
    return Math.min(due, expiresAt);
  }
  if (inFlightFor(pr, batch.partition) >= pr.config.maxInFlightRequestsPerConnection)
    return Infinity;
  let leader = pr.leaderCache[batch.partition] ?? -1;
  if (leader < 0) {
    refreshMetadata(s, pr);
    leader = pr.leaderCache[batch.partition] ?? -1;
  }
  if (leader >= 0 && !reachable(s, producerParty(pr.id), brokerParty(leader))) {
    // The Java client does not send to a node it cannot connect to: the batch stays in the
    // accumulator (no attempt counted) while metadata is refreshed.
    refreshMetadata(s, pr);
    leader = pr.leaderCache[batch.partition] ?? -1;
    if (leader >= 0 && !reachable(s, producerParty(pr.id), brokerParty(leader))) leader = -1;
  }
  if (leader < 0) {
    // No reachable leader: the batch waits in the accumulator until delivery.timeout.ms.
    if (pr.config.enableIdempotence) blocked.push(batch.partition);
    return Math.min(s.time + pr.config.retryBackoffMs, expiresAt);
  }
  if (pr.sequenceEpochs[batch.partition] === -1) {
    // The partition restarts its sequences once no request of the old epoch is in flight.
    if (inFlightFor(pr, batch.partition) > 0) {
      blocked.push(batch.partition);
      return Infinity;
    }
    rewriteSequences(pr, batch.partition);
  }
  sendBatch(ctx, pr, batch, leader);
  return Infinity;
}

/**
 * After an epoch bump triggered by this partition (KIP-360), its unacknowledged batches are
 * numbered again from sequence 0 under the new epoch, in their original order.
 */
function rewriteSequences(pr: ProducerState, partition: number): void {
  let next = 0;
  for (const b of pr.batches) {
    if (b.partition !== partition || b.baseSequence < 0) continue;
    b.baseSequence = next;
    b.producerEpoch = pr.producerEpoch;
    next += b.records.length;
  }
  pr.nextSequence[partition] = next;
  pr.sequenceEpochs[partition] = pr.producerEpoch;
}

function hasSequencedBatch(pr: ProducerState, partition: number): boolean {
  for (const b of pr.batches) if (b.partition === partition && b.baseSequence >= 0) return true;
  return false;
}

function assignSequence(pr: ProducerState, batch: PendingBatch): void {
  const key = String(batch.partition);
  // Another partition's epoch bump reaches this one when none of its batches is unresolved:
  // it then starts the new epoch at sequence 0 (TransactionManager.maybeUpdateProducerIdAndEpoch).
  if (
    (pr.sequenceEpochs[key] ?? 0) !== pr.producerEpoch &&
    !hasSequencedBatch(pr, batch.partition)
  ) {
    pr.sequenceEpochs[key] = pr.producerEpoch;
    pr.nextSequence[key] = 0;
  }
  batch.baseSequence = pr.nextSequence[key] ?? 0;
  batch.producerEpoch = pr.sequenceEpochs[key] ?? 0;
  pr.nextSequence[key] = batch.baseSequence + batch.records.length;
}

function sendBatch(ctx: Ctx, pr: ProducerState, batch: PendingBatch, leader: number): void {
  const s = ctx.state;
  if (pr.producerId >= 0 && batch.baseSequence < 0) assignSequence(pr, batch);
  batch.attempts++;
  batch.inFlight = true;
  const body: MessageBody = {
    kind: "produceRequest",
    producer: pr.id,
    batchId: batch.batchId,
    attempt: batch.attempts,
    topic: batch.topic,
    partition: batch.partition,
    acks: pr.config.acks,
    producerId: pr.producerId,
    producerEpoch: batch.producerEpoch,
    baseSequence: batch.baseSequence,
    records: batch.records,
    timeoutMs: pr.config.requestTimeoutMs,
  };
  const broker = s.brokers[leader];
  const sent = sendCarrying(
    ctx,
    {
      from: producerParty(pr.id),
      to: brokerParty(leader),
      toIncarnation: broker?.incarnation ?? 0,
      body,
    },
    "produce",
    batch.topic,
    batch.partition,
    transferKeys(batch.records),
    -1,
    recordsLabel(batch.records.length),
  );
  if (!sent) {
    // Connection refused: a retriable network error, and a metadata refresh.
    batch.inFlight = false;
    onBatchError(ctx, pr, batch, "NetworkException");
    return;
  }
  if (pr.config.acks === 0) {
    // Fire and forget: the callback completes at once, with no offset.
    removeAt(pr.batches, pr.batches.indexOf(batch));
    pr.acknowledged += batch.records.length;
    return;
  }
  // An in-flight batch also expires at delivery.timeout.ms (KIP-91), whichever comes first.
  const deadline = Math.min(
    s.time + pr.config.requestTimeoutMs,
    batch.createdAt + pr.config.deliveryTimeoutMs,
  );
  batch.requestDeadline = Math.max(deadline, s.time + 1);
  armTimer(ctx, joinKey("request", ":", pr.id), batch.requestDeadline, {
    kind: "requestTimeout",
    producer: pr.id,
  });
}

function onBatchError(ctx: Ctx, pr: ProducerState, batch: PendingBatch, error: string): void {
  const s = ctx.state;
  const sequenceError = error === "OutOfOrderSequence" || error === "InvalidProducerEpoch";
  if (pr.producerId >= 0 && sequenceError) onSequenceError(pr, batch);
  // Since Kafka 2.5 (KIP-360) the idempotent producer retries sequence errors.
  const retriable = RETRIABLE.has(error) || (pr.producerId >= 0 && sequenceError);
  const canRetry =
    retriable &&
    batch.attempts <= pr.config.retries &&
    s.time - batch.createdAt < pr.config.deliveryTimeoutMs;
  if (!canRetry) {
    failBatch(
      ctx,
      pr,
      batch,
      retriable && batch.attempts <= pr.config.retries ? "TimeoutException" : error,
    );
    return;
  }
  refreshMetadata(s, pr);
  batch.retryAt = s.time + retryBackoff(s, pr, batch.attempts);
  const time = s.time;
  const attempt = batch.attempts + 1;
  emit(ctx, () => ({
    type: "produceRetried",
    time,
    producer: pr.id,
    topic: batch.topic,
    partition: batch.partition,
    error,
    attempt,
    count: batch.records.length,
  }));
  scheduleSend(ctx, pr, batch.retryAt);
}

/**
 * TransactionManager.canRetry: a sequence error on a batch sent after one still unresolved
 * is expected (the earlier one will fill the gap); on the first unresolved batch the gap is
 * real (a batch was lost or expired), so the producer bumps its epoch and the partition
 * numbers its batches again from 0.
 */
function onSequenceError(pr: ProducerState, batch: PendingBatch): void {
  const earlier = pr.batches.some(
    (b) =>
      b !== batch &&
      b.partition === batch.partition &&
      b.baseSequence >= 0 &&
      b.producerEpoch === batch.producerEpoch &&
      b.baseSequence < batch.baseSequence,
  );
  if (earlier || pr.sequenceEpochs[batch.partition] === -1) return;
  pr.producerEpoch += 1;
  pr.sequenceEpochs[batch.partition] = -1;
}

export function handleProduceResponse(
  ctx: Ctx,
  body: Extract<MessageBody, { kind: "produceResponse" }>,
): void {
  const s = ctx.state;
  const pr = s.producers[body.producer];
  if (!pr) return;
  const index = batchIndex(pr, body.batchId);
  const batch = pr.batches[index];
  if (!batch || !batch.inFlight || batch.attempts !== body.attempt) return;
  batch.inFlight = false;
  if (body.error === null) {
    removeAt(pr.batches, index);
    pr.acknowledged += batch.records.length;
    // The epoch the leader wrote them in: it may have learned of a newer one since.
    const epoch = body.leaderEpoch;
    onAcknowledged(
      s,
      pr.id,
      batch.topic,
      batch.partition,
      body.baseOffset,
      batch.records,
      pr.config.acks,
      body.broker,
      epoch,
    );
    // Built behind the check, without a closure: this runs per batch.
    if (ctx.events !== null)
      emitBuilt(ctx, {
        type: "produceAcknowledged",
        time: s.time,
        producer: pr.id,
        topic: batch.topic,
        partition: batch.partition,
        baseOffset: body.baseOffset,
        count: batch.records.length,
      });
    // A freed in-flight slot matters only to a batch that is already due.
    for (const b of pr.batches) {
      if (!b.inFlight && b.partition === batch.partition && isDue(pr, b, s.time)) {
        scheduleSend(ctx, pr, s.time);
        break;
      }
    }
    return;
  }
  onBatchError(ctx, pr, batch, body.error);
}

/** The client's request timeout: in-flight batches past their deadline fail and are retried. */
export function handleRequestTimeout(ctx: Ctx, producerId: string): void {
  const s = ctx.state;
  const pr = s.producers[producerId];
  if (!pr || !timerFired(ctx, joinKey("request", ":", producerId))) return;
  for (const batch of [...pr.batches]) {
    if (!batch.inFlight || batch.requestDeadline > s.time) continue;
    batch.inFlight = false;
    onBatchError(ctx, pr, batch, "RequestTimedOut");
  }
  let next = Infinity;
  for (const b of pr.batches) if (b.inFlight) next = Math.min(next, b.requestDeadline);
  if (next < Infinity)
    armTimer(ctx, joinKey("request", ":", pr.id), next, {
      kind: "requestTimeout",
      producer: pr.id,
    });
}

/**
 * A request or its response lost with the connection (the broker crashed): for acks=0 the loss
 * is silent; otherwise the client sees the disconnect as a retriable NetworkException.
 */
export function onProduceDropped(
  ctx: Ctx,
  body: Extract<MessageBody, { kind: "produceRequest" }>,
  broker: number,
): void {
  if (body.acks === 0) {
    onUnacknowledgedDrop(ctx, body.producer, body.topic, body.partition, body.records, broker);
    return;
  }
  onConnectionClosed(ctx, body.producer, body.batchId, body.attempt);
}

/** The index of a producer's batch by id, or -1. */
function batchIndex(pr: ProducerState, batchId: number): number {
  const batches = pr.batches;
  for (let i = 0; i < batches.length; i++) if (batches[i]!.batchId === batchId) return i;
  return -1;
}

export function onConnectionClosed(
  ctx: Ctx,
  producerId: string,
  batchId: number,
  attempt: number,
): void {
  const pr = ctx.state.producers[producerId];
  const batch = pr?.batches.find((b) => b.batchId === batchId);
  if (!pr || !batch || !batch.inFlight || batch.attempts !== attempt) return;
  batch.inFlight = false;
  onBatchError(ctx, pr, batch, "NetworkException");
}
