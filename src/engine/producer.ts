// The producer client: a load generator, Kafka's partitioners, the record accumulator
// (linger.ms, batch.size), the sender with max in-flight requests, retries with
// retry.backoff.ms until delivery.timeout.ms, idempotent sequence numbers, and the callbacks.

import { emit, schedule, send, type Ctx } from "./context.ts";
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
import type { PendingBatch, PendingRecord, ProducerState, SimState } from "./types.ts";

/** Errors the Java client retries (RetriableException subclasses). */
const RETRIABLE = new Set([
  "NotLeaderOrFollower",
  "NotEnoughReplicas",
  "NotEnoughReplicasAfterAppend",
  "RequestTimedOut",
  "NetworkException",
]);

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
    if ((pr.leaderCache[String(p.partition)] ?? p.leader) >= 0) out.push(p.partition);
  return out;
}

/** Metadata refresh: the producer learns the controller's current leaders. */
function refreshMetadata(state: SimState, pr: ProducerState): void {
  const t = state.topics[pr.topic];
  if (!t) return;
  for (const p of t.partitions) pr.leaderCache[String(p.partition)] = p.leader;
}

function pickKey(state: SimState, pr: ProducerState): string | null {
  if (!pr.keys || pr.keys.length === 0) return null;
  const stream = `keys:${pr.id}`;
  if (pr.keyDistribution === "hot" && random(state, stream) < HOT_KEY_SHARE) return pr.keys[0]!;
  return pr.keys[Math.floor(random(state, stream) * pr.keys.length)]!;
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
    partition = stickyPartition(pr.sticky, availablePartitions(s, pr), n, () =>
      randomPositiveInt(s, `partitioner:${pr.id}`),
    );
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
  let batch = pr.batches.find(
    (b) =>
      b.partition === partition &&
      !b.inFlight &&
      b.attempts === 0 &&
      b.bytes + bytes <= pr.config.batchSize,
  );
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
      inFlight: false,
      retryAt: 0,
    };
    pr.batches.push(batch);
    schedule(ctx, s.time + pr.config.lingerMs, { kind: "producerSend", producer: pr.id });
  }
  batch.records.push(record);
  batch.bytes += bytes;
  if (sticky) onStickyAppend(pr.sticky, bytes, pr.config.batchSize);
  if (batch.bytes >= pr.config.batchSize)
    schedule(ctx, s.time, { kind: "producerSend", producer: pr.id });
}

/** The rate generator: records owed since the last tick, keys drawn from the producer's stream. */
export function handleProducerTick(ctx: Ctx, producerId: string): void {
  const s = ctx.state;
  const pr = s.producers[producerId];
  if (!pr || !pr.running || pr.ratePerSec <= 0) return;
  const tick = producerTickMs(pr.ratePerSec);
  pr.rateCarry += (pr.ratePerSec * tick) / 1000;
  while (pr.rateCarry >= 1) {
    pr.rateCarry -= 1;
    const n = pr.nextRecordNumber++;
    enqueueRecord(ctx, pr, pickKey(s, pr), `${pr.valuePrefix}${n}`, {});
  }
  schedule(ctx, s.time + tick, { kind: "producerTick", producer: producerId });
}

function failBatch(ctx: Ctx, pr: ProducerState, batch: PendingBatch, error: string): void {
  pr.batches.splice(pr.batches.indexOf(batch), 1);
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

function inFlightFor(pr: ProducerState, partition: number): number {
  let n = 0;
  for (const b of pr.batches) if (b.partition === partition && b.inFlight) n++;
  return n;
}

/** The Sender: drains ready batches into produce requests. */
export function handleProducerSend(ctx: Ctx, producerId: string): void {
  const s = ctx.state;
  const pr = s.producers[producerId];
  if (!pr) return;
  let wakeAt = Infinity;
  const blocked = new Set<number>();
  for (const batch of [...pr.batches]) {
    if (batch.inFlight) continue;
    if (s.time - batch.createdAt >= pr.config.deliveryTimeoutMs) {
      failBatch(ctx, pr, batch, "TimeoutException");
      continue;
    }
    // Idempotence keeps order per partition: nothing overtakes a batch waiting to be retried.
    if (blocked.has(batch.partition)) continue;
    const ready =
      batch.attempts > 0 ||
      batch.bytes >= pr.config.batchSize ||
      s.time >= batch.createdAt + pr.config.lingerMs;
    const due = Math.max(
      batch.retryAt,
      batch.attempts > 0 ? 0 : batch.createdAt + pr.config.lingerMs,
    );
    if (!ready || s.time < batch.retryAt) {
      wakeAt = Math.min(wakeAt, due);
      if (pr.config.enableIdempotence) blocked.add(batch.partition);
      continue;
    }
    if (inFlightFor(pr, batch.partition) >= pr.config.maxInFlightRequestsPerConnection) continue;
    let leader = pr.leaderCache[String(batch.partition)] ?? -1;
    if (leader < 0) {
      refreshMetadata(s, pr);
      leader = pr.leaderCache[String(batch.partition)] ?? -1;
    }
    if (leader < 0) {
      // No leader known: the batch waits in the accumulator until delivery.timeout.ms.
      wakeAt = Math.min(wakeAt, s.time + pr.config.retryBackoffMs);
      if (pr.config.enableIdempotence) blocked.add(batch.partition);
      continue;
    }
    sendBatch(ctx, pr, batch, leader);
  }
  if (wakeAt < Infinity)
    schedule(ctx, Math.max(wakeAt, s.time + 1), { kind: "producerSend", producer: producerId });
}

function sendBatch(ctx: Ctx, pr: ProducerState, batch: PendingBatch, leader: number): void {
  const s = ctx.state;
  if (pr.producerId >= 0 && batch.baseSequence < 0) {
    const key = String(batch.partition);
    batch.baseSequence = pr.nextSequence[key] ?? 0;
    pr.nextSequence[key] = batch.baseSequence + batch.records.length;
  }
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
    producerEpoch: pr.producerEpoch,
    baseSequence: batch.baseSequence,
    records: batch.records,
    timeoutMs: pr.config.requestTimeoutMs,
  };
  const broker = s.brokers[String(leader)];
  const sent = send(
    ctx,
    {
      from: producerParty(pr.id),
      to: brokerParty(leader),
      toIncarnation: broker?.incarnation ?? 0,
      body,
    },
    {
      kind: "produce",
      topic: batch.topic,
      partition: batch.partition,
      keys: batch.records.slice(0, 50).map((r) => r.key),
      firstOffset: -1,
      label: `${batch.records.length} records`,
    },
  );
  if (!sent) {
    // Connection refused: a retriable network error, and a metadata refresh.
    batch.inFlight = false;
    onBatchError(ctx, pr, batch, "NetworkException");
    return;
  }
  if (pr.config.acks === 0) {
    // Fire and forget: the callback completes at once, with no offset.
    pr.batches.splice(pr.batches.indexOf(batch), 1);
    pr.acknowledged += batch.records.length;
    return;
  }
  schedule(ctx, s.time + pr.config.requestTimeoutMs, {
    kind: "requestTimeout",
    producer: pr.id,
    batchId: batch.batchId,
    attempt: batch.attempts,
  });
}

function onBatchError(ctx: Ctx, pr: ProducerState, batch: PendingBatch, error: string): void {
  const s = ctx.state;
  const canRetry =
    RETRIABLE.has(error) &&
    batch.attempts <= pr.config.retries &&
    s.time + pr.config.retryBackoffMs - batch.createdAt < pr.config.deliveryTimeoutMs;
  if (!canRetry) {
    failBatch(
      ctx,
      pr,
      batch,
      RETRIABLE.has(error) && batch.attempts <= pr.config.retries ? "TimeoutException" : error,
    );
    return;
  }
  refreshMetadata(s, pr);
  batch.retryAt = s.time + pr.config.retryBackoffMs;
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
  schedule(ctx, batch.retryAt, { kind: "producerSend", producer: pr.id });
}

export function handleProduceResponse(
  ctx: Ctx,
  body: Extract<MessageBody, { kind: "produceResponse" }>,
): void {
  const s = ctx.state;
  const pr = s.producers[body.producer];
  const batch = pr?.batches.find((b) => b.batchId === body.batchId);
  if (!pr || !batch || !batch.inFlight || batch.attempts !== body.attempt) return;
  batch.inFlight = false;
  if (body.error === null) {
    pr.batches.splice(pr.batches.indexOf(batch), 1);
    pr.acknowledged += batch.records.length;
    const p = s.topics[batch.topic]?.partitions[batch.partition];
    const epoch = p?.replicaStates[String(body.broker)]?.knownLeaderEpoch ?? -1;
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
    const time = s.time;
    emit(ctx, () => ({
      type: "produceAcknowledged",
      time,
      producer: pr.id,
      topic: batch.topic,
      partition: batch.partition,
      baseOffset: body.baseOffset,
      count: batch.records.length,
    }));
    schedule(ctx, s.time, { kind: "producerSend", producer: pr.id });
    return;
  }
  onBatchError(ctx, pr, batch, body.error);
}

export function handleRequestTimeout(
  ctx: Ctx,
  producerId: string,
  batchId: number,
  attempt: number,
): void {
  const pr = ctx.state.producers[producerId];
  const batch = pr?.batches.find((b) => b.batchId === batchId);
  if (!pr || !batch || !batch.inFlight || batch.attempts !== attempt) return;
  batch.inFlight = false;
  onBatchError(ctx, pr, batch, "RequestTimedOut");
}

/** A produce request that never arrived: for acks=0 the loss is silent. */
export function onProduceDropped(
  ctx: Ctx,
  body: Extract<MessageBody, { kind: "produceRequest" }>,
  broker: number,
): void {
  if (body.acks === 0)
    onUnacknowledgedDrop(ctx, body.producer, body.topic, body.partition, body.records, broker);
}
