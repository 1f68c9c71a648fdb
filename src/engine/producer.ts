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
  sendParts,
  type Ctx,
  type TransferPart,
  transferKeys,
} from "./context.ts";
import { onAcknowledged, onUnacknowledgedDrop } from "./audit.ts";
import { recordBytes } from "./log.ts";
import {
  brokerParty,
  producerParty,
  type MessageBody,
  type ProduceBatchRequest,
} from "./messages.ts";
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
  pr.metadataRefreshedAt = state.time;
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
  // RecordAccumulator.tryAppend: only the partition's last batch takes records, and only while
  // it is open (never sent, room left); otherwise it is closed and a new batch starts.
  let batch: PendingBatch | undefined;
  for (let i = pr.batches.length - 1; i >= 0; i--) {
    const b = pr.batches[i]!;
    if (b.partition !== partition) continue;
    if (!b.inFlight && b.attempts === 0 && b.bytes + bytes <= pr.config.batchSize) batch = b;
    break;
  }
  let behind = false;
  if (!batch) {
    // A new batch behind a waiting one closes it: that one is full and may go (Kafka wakes
    // the Sender when append creates a batch).
    for (const b of pr.batches) if (b.partition === partition && !b.inFlight) behind = true;
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
      node: -1,
      requestId: -1,
      sentAt: -1,
      retryAt: 0,
      requestDeadline: 0,
    };
    pr.batches.push(batch);
    scheduleSend(ctx, pr, s.time + pr.config.lingerMs);
  }
  batch.records.push(record);
  batch.bytes += bytes;
  if (sticky) onStickyAppend(pr.sticky, bytes, pr.config.batchSize);
  if (behind || batch.bytes >= pr.config.batchSize) scheduleSend(ctx, pr, s.time);
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

/** Whether a waiting batch may go by itself: full, lingered, or past its retry backoff. */
export function isDue(pr: ProducerState, b: PendingBatch, now: number): boolean {
  if (b.attempts > 0) return b.retryAt <= now;
  return b.bytes >= pr.config.batchSize || now >= b.createdAt + pr.config.lingerMs;
}

function partitionInFlight(pr: ProducerState, partition: number): boolean {
  for (const b of pr.batches) if (b.partition === partition && b.inFlight) return true;
  return false;
}

/** Requests in flight on the connection to a broker (max.in.flight.requests.per.connection). */
function requestsInFlight(pr: ProducerState, node: number): number {
  const ids: number[] = [];
  for (const b of pr.batches)
    if (b.inFlight && b.node === node && !ids.includes(b.requestId)) ids.push(b.requestId);
  return ids.length;
}

/** max.request.size at Kafka's default: a request's batches add up to at most this many bytes. */
const MAX_REQUEST_SIZE = 1_048_576;

/**
 * The Sender: fails batches past delivery.timeout.ms, then drains ready brokers into produce
 * requests, one round after another at the same moment (Kafka's Sender loop runs again at once
 * while there is data to send).
 */
export function handleProducerSend(ctx: Ctx, producerId: string): void {
  const s = ctx.state;
  const pr = s.producers[producerId];
  // A superseded wake (an earlier one already ran and rescheduled) does nothing.
  if (!pr || pr.sendScheduledAt !== s.time) return;
  pr.sendScheduledAt = -1;
  // Without any error, the producer still learns of new leaders every metadata.max.age.ms.
  if (s.time - pr.metadataRefreshedAt >= pr.config.metadataMaxAgeMs) refreshMetadata(s, pr);
  const batches = pr.batches;
  for (let i = 0; i < batches.length; i++) {
    const b = batches[i]!;
    if (!b.inFlight && s.time - b.createdAt >= pr.config.deliveryTimeoutMs) {
      failBatch(ctx, pr, b, "TimeoutException");
      i--;
    }
  }
  let round = drainRound(ctx, pr);
  while (round.again) round = drainRound(ctx, pr);
  const wakeAt = round.wakeAt;
  if (wakeAt < Infinity) scheduleSend(ctx, pr, Math.max(wakeAt, s.time + 1));
}

/**
 * One round of RecordAccumulator.ready and drain: the first waiting batch of each partition
 * (retries and idempotent sequences keep that order), grouped by leader. A broker is ready when
 * one of its batches is full or has lingered; it then gets one request with the first batch of
 * every partition it leads, lingered or not, while it has fewer than
 * max.in.flight.requests.per.connection requests in flight. Says when a batch left waiting
 * next needs a look, and whether to run another round at once (a request took a batch with
 * another behind it).
 */
function drainRound(ctx: Ctx, pr: ProducerState): { wakeAt: number; again: boolean } {
  const s = ctx.state;
  const now = s.time;
  // Per partition's first waiting batch: its leader (-1: not sendable now), whether it is
  // ready, and when it next needs a look.
  const heads: PendingBatch[] = [];
  const leaders: number[] = [];
  const ready: boolean[] = [];
  const wakes: number[] = [];
  let behind = false;
  for (const b of pr.batches) {
    if (b.inFlight) continue;
    const seen = indexOfPartition(heads, b.partition);
    if (seen >= 0) {
      // A batch behind the first one means the first is closed: full, in Kafka's terms.
      behind = true;
      if (heads[seen]!.attempts === 0 && leaders[seen]! >= 0) ready[seen] = true;
      continue;
    }
    heads.push(b);
    leaders.push(-1);
    ready.push(false);
    wakes.push(Infinity);
    const i = heads.length - 1;
    const expiresAt = b.createdAt + pr.config.deliveryTimeoutMs;
    if (b.attempts > 0 && now < b.retryAt) {
      wakes[i] = Math.min(b.retryAt, expiresAt);
      continue;
    }
    // Ordering: with one request in flight at most, a partition waits for its answer; a
    // partition restarting its sequences (KIP-360) waits for its old-epoch requests.
    if (
      (pr.config.maxInFlightRequestsPerConnection === 1 ||
        (pr.producerId >= 0 && pr.sequenceEpochs[b.partition] === -1)) &&
      partitionInFlight(pr, b.partition)
    )
      continue;
    const leader = leaderFor(s, pr, b.partition);
    if (leader < 0) {
      // No reachable leader: the batch waits in the accumulator until delivery.timeout.ms.
      wakes[i] = Math.min(now + pr.config.retryBackoffMs, expiresAt);
      continue;
    }
    leaders[i] = leader;
    const due = b.createdAt + pr.config.lingerMs;
    ready[i] = isDue(pr, b, now);
    if (!ready[i]) wakes[i] = Math.min(due, expiresAt);
  }
  const nodes: number[] = [];
  for (let i = 0; i < heads.length; i++)
    if (ready[i] && leaders[i]! >= 0 && !nodes.includes(leaders[i]!)) nodes.push(leaders[i]!);
  const sentTo: number[] = [];
  for (const node of nodes) {
    if (requestsInFlight(pr, node) >= pr.config.maxInFlightRequestsPerConnection) continue;
    const drained: PendingBatch[] = [];
    let bytes = 0;
    for (let i = 0; i < heads.length; i++) {
      if (leaders[i] !== node) continue;
      // max.request.size: the batches that do not fit go in the next request.
      if (drained.length > 0 && bytes + heads[i]!.bytes > MAX_REQUEST_SIZE) {
        behind = true;
        continue;
      }
      drained.push(heads[i]!);
      bytes += heads[i]!.bytes;
    }
    sendRequest(ctx, pr, node, drained);
    sentTo.push(node);
  }
  // The batches left waiting say when to look again; the ones just sent wait for answers.
  let wakeAt = Infinity;
  for (let i = 0; i < heads.length; i++)
    if (leaders[i]! < 0 || !sentTo.includes(leaders[i]!)) wakeAt = Math.min(wakeAt, wakes[i]!);
  return { wakeAt, again: sentTo.length > 0 && behind };
}

function indexOfPartition(heads: readonly PendingBatch[], partition: number): number {
  for (let i = 0; i < heads.length; i++) if (heads[i]!.partition === partition) return i;
  return -1;
}

/**
 * The leader a batch goes to, or -1. The Java client does not send to a node it cannot connect
 * to: the batch stays in the accumulator (no attempt counted) while metadata is refreshed.
 */
function leaderFor(s: SimState, pr: ProducerState, partition: number): number {
  let leader = pr.leaderCache[partition] ?? -1;
  if (leader < 0) {
    refreshMetadata(s, pr);
    leader = pr.leaderCache[partition] ?? -1;
  }
  if (leader >= 0 && !reachable(s, producerParty(pr.id), brokerParty(leader))) {
    refreshMetadata(s, pr);
    leader = pr.leaderCache[partition] ?? -1;
    if (leader >= 0 && !reachable(s, producerParty(pr.id), brokerParty(leader))) leader = -1;
  }
  return leader;
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

/** One produce request to a broker, carrying a batch for each of the partitions drained. */
function sendRequest(ctx: Ctx, pr: ProducerState, node: number, drained: PendingBatch[]): void {
  const s = ctx.state;
  const requestId = pr.nextRequestId++;
  const batches = new Array<ProduceBatchRequest>(drained.length);
  const drawn = new Array<TransferPart>(drained.length);
  let deadline = Infinity;
  for (let i = 0; i < drained.length; i++) {
    const batch = drained[i]!;
    if (pr.producerId >= 0) {
      if (pr.sequenceEpochs[batch.partition] === -1) rewriteSequences(pr, batch.partition);
      if (batch.baseSequence < 0) assignSequence(pr, batch);
    }
    batch.attempts++;
    batch.inFlight = true;
    batch.node = node;
    batch.requestId = requestId;
    batch.sentAt = s.time;
    // An in-flight batch also expires at delivery.timeout.ms (KIP-91), whichever comes first.
    batch.requestDeadline = Math.max(
      Math.min(s.time + pr.config.requestTimeoutMs, batch.createdAt + pr.config.deliveryTimeoutMs),
      s.time + 1,
    );
    deadline = Math.min(deadline, batch.requestDeadline);
    batches[i] = {
      batchId: batch.batchId,
      attempt: batch.attempts,
      topic: batch.topic,
      partition: batch.partition,
      producerEpoch: batch.producerEpoch,
      baseSequence: batch.baseSequence,
      records: batch.records,
    };
    drawn[i] = {
      kind: "produce",
      topic: batch.topic,
      partition: batch.partition,
      keys: transferKeys(batch.records),
      firstOffset: -1,
      label: recordsLabel(batch.records.length),
    };
  }
  const sent = sendParts(
    ctx,
    {
      from: producerParty(pr.id),
      to: brokerParty(node),
      toIncarnation: s.brokers[node]?.incarnation ?? 0,
      body: {
        kind: "produceRequest",
        producer: pr.id,
        requestId,
        acks: pr.config.acks,
        producerId: pr.producerId,
        timeoutMs: pr.config.requestTimeoutMs,
        batches,
      },
    },
    drawn,
  );
  if (!sent) {
    // Connection refused: a retriable network error, and a metadata refresh.
    for (const batch of drained) {
      batch.inFlight = false;
      onBatchError(ctx, pr, batch, "NetworkException");
    }
    return;
  }
  if (pr.config.acks === 0) {
    // Fire and forget: the callbacks complete at once, with no offset.
    for (const batch of drained) {
      removeAt(pr.batches, pr.batches.indexOf(batch));
      pr.acknowledged += batch.records.length;
    }
    return;
  }
  armTimer(ctx, joinKey("request", ":", pr.id), deadline, {
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
    // The batch behind it in its partition is first now, and may go.
    if (anyDue(pr, s.time)) scheduleSend(ctx, pr, s.time);
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
  let answered = false;
  for (const result of body.results) {
    const index = batchIndex(pr, result.batchId);
    const batch = pr.batches[index];
    // A batch failed meanwhile (its request timed out) or sent again ignores this answer.
    if (!batch || !batch.inFlight || batch.requestId !== body.requestId) continue;
    batch.inFlight = false;
    answered = true;
    if (result.error !== null) {
      onBatchError(ctx, pr, batch, result.error);
      continue;
    }
    removeAt(pr.batches, index);
    pr.acknowledged += batch.records.length;
    // The epoch the leader wrote them in: it may have learned of a newer one since.
    onAcknowledged(
      s,
      pr.id,
      batch.topic,
      batch.partition,
      result.baseOffset,
      batch.records,
      pr.config.acks,
      body.broker,
      result.leaderEpoch,
    );
    // Built behind the check, without a closure: this runs per batch.
    if (ctx.events !== null)
      emitBuilt(ctx, {
        type: "produceAcknowledged",
        time: s.time,
        producer: pr.id,
        topic: batch.topic,
        partition: batch.partition,
        baseOffset: result.baseOffset,
        count: batch.records.length,
      });
  }
  if (!answered) return;
  // The freed request slot matters only to a batch that is already due.
  if (anyDue(pr, s.time)) scheduleSend(ctx, pr, s.time);
}

/** Whether a waiting batch may go now: due by itself, or closed by a batch behind it. */
function anyDue(pr: ProducerState, now: number): boolean {
  const waiting: number[] = [];
  for (const b of pr.batches) {
    if (b.inFlight) continue;
    if (isDue(pr, b, now) || waiting.includes(b.partition)) return true;
    waiting.push(b.partition);
  }
  return false;
}

/**
 * The client's request timeout. Kafka's NetworkClient closes a connection whose request timed
 * out, so every request in flight on it fails as timed out; a batch past delivery.timeout.ms
 * expires on its own.
 */
export function handleRequestTimeout(ctx: Ctx, producerId: string): void {
  const s = ctx.state;
  const pr = s.producers[producerId];
  if (!pr || !timerFired(ctx, joinKey("request", ":", producerId))) return;
  const closed: number[] = [];
  for (const b of pr.batches) {
    if (!b.inFlight || b.requestDeadline > s.time) continue;
    const byRequest = b.requestDeadline < b.createdAt + pr.config.deliveryTimeoutMs;
    if (byRequest && !closed.includes(b.node)) closed.push(b.node);
  }
  for (const batch of [...pr.batches]) {
    if (!batch.inFlight) continue;
    if (batch.requestDeadline > s.time && !closed.includes(batch.node)) continue;
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
    for (const b of body.batches)
      onUnacknowledgedDrop(ctx, body.producer, b.topic, b.partition, b.records, broker);
    return;
  }
  onConnectionClosed(ctx, body.producer, body.requestId);
}

/** The index of a producer's batch by id, or -1. */
function batchIndex(pr: ProducerState, batchId: number): number {
  const batches = pr.batches;
  for (let i = 0; i < batches.length; i++) if (batches[i]!.batchId === batchId) return i;
  return -1;
}

export function onConnectionClosed(ctx: Ctx, producerId: string, requestId: number): void {
  const pr = ctx.state.producers[producerId];
  if (!pr) return;
  for (const batch of [...pr.batches]) {
    if (!batch.inFlight || batch.requestId !== requestId) continue;
    batch.inFlight = false;
    onBatchError(ctx, pr, batch, "NetworkException");
  }
}
