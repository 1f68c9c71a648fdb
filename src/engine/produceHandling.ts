// The leader's side of a produce request: leadership and min.insync.replicas checks, the
// idempotence check, the append, and the response per acks (acks=all waits for the HW).

import { removeAt } from "./arrays.ts";
import { joinKey } from "./intern.ts";
import {
  timerFired,
  armTimer,
  emitBuilt,
  schedule,
  sendCarrying,
  wantsDetail,
  type Ctx,
} from "./context.ts";
import { onAcknowledged, onLeaderAppend } from "./audit.ts";
import { appendRecord, producerKey, recordProducerBatch } from "./log.ts";
import { brokerParty, producerParty, type MessageBody } from "./messages.ts";
import { wakeParkedFetches, maybeAdvanceHighWatermark } from "./replication.ts";
import type {
  BrokerId,
  LogRecord,
  PartitionState,
  ProducerBatchEntry,
  ReplicaState,
} from "./types.ts";

type ProduceRequest = Extract<MessageBody, { kind: "produceRequest" }>;

function respond(
  ctx: Ctx,
  broker: BrokerId,
  req: { producer: string; batchId: number; attempt: number; topic: string; partition: number },
  error: string | null,
  baseOffset: number,
  duplicate: boolean,
  keys: (string | null)[],
  leaderEpoch = -1,
): void {
  sendCarrying(
    ctx,
    {
      from: brokerParty(broker),
      to: producerParty(req.producer),
      toIncarnation: 0,
      body: {
        kind: "produceResponse",
        producer: req.producer,
        batchId: req.batchId,
        attempt: req.attempt,
        topic: req.topic,
        partition: req.partition,
        error,
        baseOffset,
        broker,
        duplicate,
        leaderEpoch,
      },
    },
    error ? "error" : "ack",
    req.topic,
    req.partition,
    keys,
    baseOffset,
    error ?? `ack @${baseOffset}`,
    ctx.state.config.diskAppendMs,
  );
}

export function handleProduceRequest(ctx: Ctx, brokerId: BrokerId, req: ProduceRequest): void {
  const s = ctx.state;
  const topic = s.topics[req.topic];
  const p = topic?.partitions[req.partition];
  const r = p?.replicaStates[brokerId];
  const keys = req.records.map((rec) => rec.key);
  if (!topic || !p || !r || r.role !== "leader") {
    if (req.acks !== 0) respond(ctx, brokerId, req, "NotLeaderOrFollower", -1, false, keys);
    return;
  }
  if (
    req.acks === "all" &&
    r.knownIsr.length < Math.min(topic.config.minInsyncReplicas, p.replicas.length)
  ) {
    // Checked before appending: the batch is not written.
    respond(ctx, brokerId, req, "NotEnoughReplicas", -1, false, keys);
    return;
  }
  let baseOffset: number;
  let duplicate = false;
  if (req.producerId >= 0) {
    const batches = r.producers[producerKey(req.producerId)];
    const lastSeq = req.baseSequence + req.records.length - 1;
    const last = batches?.[batches.length - 1];
    // ProducerAppendInfo: an older epoch is fenced; a new epoch must start at sequence 0.
    if (last && req.producerEpoch < last.producerEpoch) {
      if (req.acks !== 0) respond(ctx, brokerId, req, "InvalidProducerEpoch", -1, false, keys);
      return;
    }
    const sameEpoch = last !== undefined && req.producerEpoch === last.producerEpoch;
    let dup: ProducerBatchEntry | undefined;
    if (sameEpoch) {
      for (const b of batches!) {
        if (b.firstSeq === req.baseSequence && b.lastSeq === lastSeq) {
          dup = b;
          break;
        }
      }
    }
    const inSequence = !last || req.baseSequence === (sameEpoch ? last.lastSeq + 1 : 0);
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
        count: req.records.length,
      });
    } else if (!inSequence) {
      if (req.acks !== 0) respond(ctx, brokerId, req, "OutOfOrderSequence", -1, false, keys);
      return;
    } else {
      baseOffset = append(ctx, p, r, req);
    }
  } else {
    baseOffset = append(ctx, p, r, req);
  }
  const requiredOffset = baseOffset + req.records.length;
  if (req.acks === 0) return;
  if (req.acks === 1 || r.highWatermark >= requiredOffset) {
    respond(ctx, brokerId, req, null, baseOffset, duplicate, keys, r.knownLeaderEpoch);
    return;
  }
  const parkId = s.nextId++;
  s.parkedProduces.push({
    parkId,
    broker: brokerId,
    producer: req.producer,
    batchId: req.batchId,
    attempt: req.attempt,
    topic: p.topic,
    partition: p.partition,
    requiredOffset,
    baseOffset,
    leaderEpoch: r.knownLeaderEpoch,
    expiresAt: s.time + req.timeoutMs,
    keys,
  });
  armTimer(ctx, joinKey("produce", ":", brokerId), s.time + req.timeoutMs, {
    kind: "produceTimeout",
    broker: brokerId,
  });
}

function append(ctx: Ctx, p: PartitionState, r: ReplicaState, req: ProduceRequest): number {
  const s = ctx.state;
  const cfg = s.topics[p.topic]!.config;
  const baseOffset = r.logEndOffset;
  const appended: LogRecord[] = [];
  for (let i = 0; i < req.records.length; i++) {
    const pr = req.records[i]!;
    const rec: LogRecord = {
      offset: baseOffset + i,
      key: pr.key,
      value: pr.value,
      headers: pr.headers,
      timestamp: pr.timestamp,
      leaderEpoch: r.knownLeaderEpoch,
      producerId: req.producerId,
      producerEpoch: req.producerId >= 0 ? req.producerEpoch : -1,
      sequence: req.producerId >= 0 ? req.baseSequence + i : -1,
      batchId: req.batchId,
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
      producerEpoch: req.producerEpoch,
      firstSeq: req.baseSequence,
      lastSeq: req.baseSequence + req.records.length - 1,
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
  onLeaderAppend(ctx, req.producer, p.topic, p.partition, baseOffset, appended);
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

/** acks=all requests waiting on this partition complete once the HW passes them. */
export function completeParkedProduces(ctx: Ctx, p: PartitionState, r: ReplicaState): void {
  const s = ctx.state;
  if (s.parkedProduces.length === 0) return;
  const minIsr = Math.min(s.topics[p.topic]!.config.minInsyncReplicas, p.replicas.length);
  for (let i = 0; i < s.parkedProduces.length; i++) {
    const pp = s.parkedProduces[i]!;
    if (
      pp.broker !== r.brokerId ||
      pp.partition !== p.partition ||
      pp.topic !== p.topic ||
      r.highWatermark < pp.requiredOffset
    )
      continue;
    removeAt(s.parkedProduces, i--);
    // DelayedProduce: the HW reached the batch, but is the ISR still big enough?
    const error = r.knownIsr.length < minIsr ? "NotEnoughReplicasAfterAppend" : null;
    respond(
      ctx,
      r.brokerId,
      pp,
      error,
      error ? -1 : pp.baseOffset,
      false,
      pp.keys,
      error ? -1 : pp.leaderEpoch,
    );
  }
}

/** A leader that loses leadership fails the requests waiting on it. */
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
    if (pp.broker !== brokerId || pp.topic !== topic || pp.partition !== partition) continue;
    removeAt(s.parkedProduces, i--);
    respond(ctx, brokerId, pp, error, -1, false, pp.keys);
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
    const { producer, batchId, attempt } = pp;
    schedule(ctx, state.time + state.config.networkLatencyMs, {
      kind: "connectionClosed",
      producer,
      batchId,
      attempt,
    });
  }
  state.parkedProduces = state.parkedProduces.filter((pp) => pp.broker !== brokerId);
  for (const [key, pf] of Object.entries(state.parkedFetches))
    if (pf.leader === brokerId) delete state.parkedFetches[key];
}

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
    // The record stays in the leader's log: it may still commit later, which is why a retry
    // without idempotence duplicates it.
    respond(ctx, brokerId, pp, "RequestTimedOut", -1, false, pp.keys);
  }
  if (next < Infinity)
    armTimer(ctx, joinKey("produce", ":", brokerId), next, {
      kind: "produceTimeout",
      broker: brokerId,
    });
}
