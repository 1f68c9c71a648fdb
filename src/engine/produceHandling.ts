// The leader's side of a produce request: one request carries a batch for each partition the
// broker leads (the producer drains per broker). Per batch: leadership and min.insync.replicas
// checks, the idempotence check and the append; one response for the whole request, per acks
// (acks=all waits, as Kafka's DelayedProduce does, until every batch has its answer).

import { removeAt } from "./arrays.ts";
import { joinKey } from "./intern.ts";
import {
  timerFired,
  armTimer,
  emitBuilt,
  schedule,
  sendParts,
  wantsDetail,
  type Ctx,
  type TransferPart,
  transferKeys,
} from "./context.ts";
import { onAcknowledged, onLeaderAppend } from "./audit.ts";
import { appendRecord, producerKey, recordProducerBatch } from "./log.ts";
import {
  brokerParty,
  producerParty,
  type MessageBody,
  type ProduceBatchRequest,
  type ProduceBatchResult,
} from "./messages.ts";
import { wakeParkedFetches, maybeAdvanceHighWatermark } from "./replication.ts";
import type {
  BrokerId,
  LogRecord,
  ParkedProducePart,
  PartitionState,
  ProducerBatchEntry,
  ReplicaState,
} from "./types.ts";

type ProduceRequest = Extract<MessageBody, { kind: "produceRequest" }>;

/** One response for the request: a result per batch, each drawn as an ack or an error. */
function respond(
  ctx: Ctx,
  broker: BrokerId,
  producer: string,
  requestId: number,
  parts: readonly ParkedProducePart[],
): void {
  const results = new Array<ProduceBatchResult>(parts.length);
  const drawn = new Array<TransferPart>(parts.length);
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const ok = part.error === null;
    results[i] = {
      batchId: part.batchId,
      attempt: part.attempt,
      topic: part.topic,
      partition: part.partition,
      error: part.error,
      baseOffset: ok ? part.baseOffset : -1,
      duplicate: ok && part.duplicate,
      leaderEpoch: ok ? part.leaderEpoch : -1,
    };
    drawn[i] = {
      kind: ok ? "ack" : "error",
      topic: part.topic,
      partition: part.partition,
      keys: part.keys,
      firstOffset: ok ? part.baseOffset : -1,
      label: part.error ?? `ack @${part.baseOffset}`,
    };
  }
  sendParts(
    ctx,
    {
      from: brokerParty(broker),
      to: producerParty(producer),
      toIncarnation: 0,
      body: { kind: "produceResponse", producer, requestId, broker, results },
    },
    drawn,
    ctx.state.config.diskAppendMs,
  );
}

/** A batch's answer, still pending or settled. */
function partOf(
  batch: ProduceBatchRequest,
  keys: (string | null)[],
  error: string | null,
  baseOffset = -1,
  leaderEpoch = -1,
): ParkedProducePart {
  return {
    batchId: batch.batchId,
    attempt: batch.attempt,
    topic: batch.topic,
    partition: batch.partition,
    requiredOffset: baseOffset + batch.records.length,
    baseOffset,
    leaderEpoch,
    keys,
    pending: false,
    error,
    duplicate: false,
  };
}

export function handleProduceRequest(ctx: Ctx, brokerId: BrokerId, req: ProduceRequest): void {
  const s = ctx.state;
  const parts = new Array<ParkedProducePart>(req.batches.length);
  let pending = false;
  for (let i = 0; i < req.batches.length; i++) {
    const part = produceBatch(ctx, brokerId, req, req.batches[i]!);
    parts[i] = part;
    if (part.pending) pending = true;
  }
  if (req.acks === 0) return;
  if (!pending) {
    respond(ctx, brokerId, req.producer, req.requestId, parts);
    return;
  }
  s.parkedProduces.push({
    parkId: s.nextId++,
    broker: brokerId,
    producer: req.producer,
    requestId: req.requestId,
    expiresAt: s.time + req.timeoutMs,
    parts,
  });
  armTimer(ctx, joinKey("produce", ":", brokerId), s.time + req.timeoutMs, {
    kind: "produceTimeout",
    broker: brokerId,
  });
}

/** One partition's batch of a request: checked, appended (or recognised), and its answer. */
function produceBatch(
  ctx: Ctx,
  brokerId: BrokerId,
  req: ProduceRequest,
  batch: ProduceBatchRequest,
): ParkedProducePart {
  const s = ctx.state;
  const topic = s.topics[batch.topic];
  const p = topic?.partitions[batch.partition];
  const r = p?.replicaStates[brokerId];
  const keys = transferKeys(batch.records);
  if (!topic || !p || !r || r.role !== "leader") return partOf(batch, keys, "NotLeaderOrFollower");
  // LogValidator: a compacted topic keeps the latest record per key, so a record without one
  // is refused (INVALID_RECORD, not retriable).
  if (topic.config.cleanupPolicy !== "delete" && batch.records.some((rec) => rec.key === null))
    return partOf(batch, keys, "InvalidRecord");
  const minIsr = Math.min(topic.config.minInsyncReplicas, p.replicas.length);
  // Checked before appending: the batch is not written.
  if (req.acks === "all" && r.knownIsr.length < minIsr)
    return partOf(batch, keys, "NotEnoughReplicas");
  let baseOffset: number;
  let duplicate = false;
  if (req.producerId >= 0) {
    const batches = r.producers[producerKey(req.producerId)];
    const lastSeq = batch.baseSequence + batch.records.length - 1;
    const last = batches?.[batches.length - 1];
    // ProducerAppendInfo: an older epoch is fenced; a new epoch must start at sequence 0.
    if (last && batch.producerEpoch < last.producerEpoch)
      return partOf(batch, keys, "InvalidProducerEpoch");
    const sameEpoch = last !== undefined && batch.producerEpoch === last.producerEpoch;
    let dup: ProducerBatchEntry | undefined;
    if (sameEpoch) {
      for (const b of batches!) {
        if (b.firstSeq === batch.baseSequence && b.lastSeq === lastSeq) {
          dup = b;
          break;
        }
      }
    }
    const inSequence = !last || batch.baseSequence === (sameEpoch ? last.lastSeq + 1 : 0);
    if (dup) {
      duplicate = true;
      baseOffset = dup.firstOffset;
      emitBuilt(ctx, {
        type: "duplicateDropped",
        time: s.time,
        topic: p.topic,
        partition: p.partition,
        broker: brokerId,
        producer: req.producer,
        baseOffset: dup.firstOffset,
        count: batch.records.length,
      });
    } else if (!inSequence) {
      return partOf(batch, keys, "OutOfOrderSequence");
    } else {
      baseOffset = append(ctx, p, r, req, batch);
    }
  } else {
    baseOffset = append(ctx, p, r, req, batch);
  }
  const part = partOf(batch, keys, null, baseOffset, r.knownLeaderEpoch);
  part.duplicate = duplicate;
  part.pending = req.acks === "all";
  if (part.pending) settle(part, r, minIsr);
  return part;
}

/**
 * Partition.checkEnoughReplicasReachOffset: once the HW reached the batch it has its answer,
 * an error if the ISR shrank below min.insync.replicas meanwhile.
 */
function settle(part: ParkedProducePart, r: ReplicaState, minIsr: number): void {
  if (r.highWatermark < part.requiredOffset) return;
  part.pending = false;
  if (r.knownIsr.length < minIsr) part.error = "NotEnoughReplicasAfterAppend";
}

function append(
  ctx: Ctx,
  p: PartitionState,
  r: ReplicaState,
  req: ProduceRequest,
  batch: ProduceBatchRequest,
): number {
  const s = ctx.state;
  const cfg = s.topics[p.topic]!.config;
  const baseOffset = r.logEndOffset;
  const appended: LogRecord[] = [];
  for (let i = 0; i < batch.records.length; i++) {
    const pr = batch.records[i]!;
    const rec: LogRecord = {
      offset: baseOffset + i,
      key: pr.key,
      value: pr.value,
      headers: pr.headers,
      timestamp: pr.timestamp,
      leaderEpoch: r.knownLeaderEpoch,
      producerId: req.producerId,
      producerEpoch: req.producerId >= 0 ? batch.producerEpoch : -1,
      sequence: req.producerId >= 0 ? batch.baseSequence + i : -1,
      batchId: batch.batchId,
      bytes: pr.bytes,
      recordId: pr.recordId,
    };
    const rolled = appendRecord(r, rec, s.time, cfg.segmentBytes, cfg.segmentMs);
    if (rolled && wantsDetail(ctx))
      emitBuilt(ctx, {
        type: "segmentRolled",
        time: s.time,
        topic: p.topic,
        partition: p.partition,
        broker: r.brokerId,
        baseOffset: rec.offset,
      });
    appended.push(rec);
  }
  if (req.producerId >= 0)
    recordProducerBatch(r, req.producerId, {
      producerEpoch: batch.producerEpoch,
      firstSeq: batch.baseSequence,
      lastSeq: batch.baseSequence + batch.records.length - 1,
      firstOffset: baseOffset,
    });
  if (wantsDetail(ctx))
    emitBuilt(ctx, {
      type: "batchAppended",
      time: s.time,
      topic: p.topic,
      partition: p.partition,
      broker: r.brokerId,
      producer: req.producer,
      baseOffset,
      count: appended.length,
      leaderEpoch: r.knownLeaderEpoch,
    });
  onLeaderAppend(ctx, r, req.producer, p.topic, p.partition, baseOffset, appended);
  if (req.acks === 0)
    onAcknowledged(
      s,
      req.producer,
      p.topic,
      p.partition,
      baseOffset,
      appended,
      0,
      r.brokerId,
      r.knownLeaderEpoch,
    );
  wakeParkedFetches(ctx, r.brokerId, p.topic, p.partition);
  maybeAdvanceHighWatermark(ctx, p, r);
  return baseOffset;
}

/** acks=all requests waiting on this partition complete once the HW passes all their batches. */
export function completeParkedProduces(ctx: Ctx, p: PartitionState, r: ReplicaState): void {
  const s = ctx.state;
  if (s.parkedProduces.length === 0) return;
  const minIsr = Math.min(s.topics[p.topic]!.config.minInsyncReplicas, p.replicas.length);
  for (let i = 0; i < s.parkedProduces.length; i++) {
    const pp = s.parkedProduces[i]!;
    if (pp.broker !== r.brokerId) continue;
    let pending = false;
    for (const part of pp.parts) {
      if (part.pending && part.partition === p.partition && part.topic === p.topic)
        settle(part, r, minIsr);
      if (part.pending) pending = true;
    }
    if (pending) continue;
    removeAt(s.parkedProduces, i--);
    respond(ctx, r.brokerId, pp.producer, pp.requestId, pp.parts);
  }
}

/** A leader that loses leadership answers the batches waiting on it with an error. */
export function failParkedProduces(
  ctx: Ctx,
  brokerId: BrokerId,
  topic: string,
  partition: number,
  error: string,
): void {
  const s = ctx.state;
  for (let i = 0; i < s.parkedProduces.length; i++) {
    const pp = s.parkedProduces[i]!;
    if (pp.broker !== brokerId) continue;
    let pending = false;
    for (const part of pp.parts) {
      if (part.pending && part.partition === partition && part.topic === topic) {
        part.pending = false;
        part.error = error;
      }
      if (part.pending) pending = true;
    }
    if (pending) continue;
    removeAt(s.parkedProduces, i--);
    respond(ctx, brokerId, pp.producer, pp.requestId, pp.parts);
  }
}

/**
 * A crashed or stopped broker forgets what it was waiting on; its clients see their
 * connections close and fail those requests with a retriable NetworkException.
 */
export function dropParkedOf(ctx: Ctx, brokerId: BrokerId): void {
  const state = ctx.state;
  for (const pp of state.parkedProduces) {
    if (pp.broker !== brokerId) continue;
    schedule(ctx, state.time + state.config.networkLatencyMs, {
      kind: "connectionClosed",
      producer: pp.producer,
      requestId: pp.requestId,
    });
  }
  state.parkedProduces = state.parkedProduces.filter((pp) => pp.broker !== brokerId);
  for (const [key, pf] of Object.entries(state.parkedFetches))
    if (pf.leader === brokerId) delete state.parkedFetches[key];
}

/** DelayedProduce.onExpiration: the batches still waiting time out, the others keep their answer. */
export function handleProduceTimeout(ctx: Ctx, brokerId: BrokerId): void {
  const s = ctx.state;
  if (!timerFired(ctx, joinKey("produce", ":", brokerId))) return;
  let next = Infinity;
  for (let i = 0; i < s.parkedProduces.length; i++) {
    const pp = s.parkedProduces[i]!;
    if (pp.broker !== brokerId) continue;
    if (pp.expiresAt > s.time) {
      next = Math.min(next, pp.expiresAt);
      continue;
    }
    removeAt(s.parkedProduces, i--);
    // The records stay in the leader's log: they may still commit later, which is why a retry
    // without idempotence duplicates them.
    for (const part of pp.parts) {
      if (!part.pending) continue;
      part.pending = false;
      part.error = "RequestTimedOut";
    }
    respond(ctx, brokerId, pp.producer, pp.requestId, pp.parts);
  }
  if (next < Infinity)
    armTimer(ctx, joinKey("produce", ":", brokerId), next, {
      kind: "produceTimeout",
      broker: brokerId,
    });
}
