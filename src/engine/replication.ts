// Replication as the brokers do it: followers fetch from the leader (long-polling for
// replica.fetch.wait.max.ms), the leader tracks their log end offsets, advances the high
// watermark, shrinks and expands the ISR; a follower checks for divergence by leader epoch
// on every fetch and truncates (KIP-101, KIP-279, KIP-320).

import { joinKey, recordsLabel } from "./intern.ts";
import {
  timerFired,
  armTimer,
  emit,
  emitBuilt,
  schedule,
  send,
  sendCarrying,
  wantsDetail,
  type Ctx,
  transferKeys,
} from "./context.ts";
import { onTruncated } from "./audit.ts";
import {
  appendRecord,
  endOffsetForEpoch,
  latestEpoch,
  producerKey,
  readRecords,
  recordProducerBatch,
  truncateTo,
  segmentRecords,
  withRecords,
} from "./log.ts";
import {
  CONTROLLER_PARTY,
  brokerParty,
  type Message,
  type FetchPartitionRequest,
  type FetchPartitionResponse,
} from "./messages.ts";
import { wakeParkedConsumerFetches } from "./consumerFetch.ts";
import { completeParkedProduces, failParkedProduces } from "./produceHandling.ts";
import type {
  BrokerId,
  LogRecord,
  PartitionState,
  ReplicaState,
  SimState,
  BrokerState,
} from "./types.ts";

/** replica.fetch.backoff.ms: a follower waits this long after a failed fetch. */
export const REPLICA_FETCH_BACKOFF_MS = 1000;

export function replicaOf(p: PartitionState, broker: BrokerId): ReplicaState | undefined {
  return p.replicaStates[broker];
}

function partitionOf(
  state: SimState,
  topic: string,
  partition: number,
): PartitionState | undefined {
  return state.topics[topic]?.partitions[partition];
}

/** A broker applies a committed partition change from the metadata log. */
export function applyPartitionChange(
  ctx: Ctx,
  brokerId: BrokerId,
  topic: string,
  partition: number,
  leader: BrokerId,
  leaderEpoch: number,
  isr: BrokerId[],
): void {
  const s = ctx.state;
  const p = partitionOf(s, topic, partition);
  const r = p && replicaOf(p, brokerId);
  if (!p || !r || leaderEpoch < r.knownLeaderEpoch) return;
  const sameEpoch = leaderEpoch === r.knownLeaderEpoch;
  r.knownIsr = [...isr];
  if (r.pendingIsr && sameEpoch) r.pendingIsr = null;
  if (sameEpoch && r.role !== "none") {
    if (r.role === "leader") maybeAdvanceHighWatermark(ctx, p, r);
    return;
  }
  const wasLeader = r.role === "leader";
  const broker = s.brokers[brokerId];
  if (broker) broker.followed = null;
  r.knownLeader = leader;
  r.knownLeaderEpoch = leaderEpoch;
  r.pendingIsr = null;
  if (leader === brokerId) {
    becomeLeader(ctx, p, r);
  } else {
    r.role = "follower";
    r.followers = {};
    if (wasLeader) failParkedProduces(ctx, brokerId, topic, partition, "NotLeaderOrFollower");
    if (leader >= 0) startFetcher(ctx, brokerId, leader);
  }
}

function becomeLeader(ctx: Ctx, p: PartitionState, r: ReplicaState): void {
  const now = ctx.state.time;
  r.role = "leader";
  // The new epoch starts at the leader's LEO, even before it appends (Kafka's epoch cache assign).
  const last = r.epochs[r.epochs.length - 1];
  if (!last || last.epoch < r.knownLeaderEpoch)
    r.epochs.push({ epoch: r.knownLeaderEpoch, startOffset: r.logEndOffset });
  r.followers = {};
  for (const id of p.replicas) {
    if (id === r.brokerId) continue;
    // Kafka resets followers' state: unknown LEO, and ISR members count as caught up now.
    r.followers[id] = {
      logEndOffset: -1,
      lastCaughtUpTime: r.knownIsr.includes(id) ? now : 0,
      lastFetchTime: 0,
      lastFetchLeaderLogEndOffset: 0,
    };
  }
  maybeAdvanceHighWatermark(ctx, p, r);
}

export function startFetcher(ctx: Ctx, follower: BrokerId, leader: BrokerId): void {
  const b = ctx.state.brokers[follower];
  if (!b || b.status === "offline" || b.fetching[leader]) return;
  b.fetching[leader] = true;
  schedule(ctx, ctx.state.time + b.fetchDelayMs, {
    kind: "sendFetch",
    follower,
    leader,
    incarnation: b.incarnation,
  });
}

/** The partitions a broker follows from a leader, rebuilt from the roles after a change. */
function followedFrom(
  s: SimState,
  b: BrokerState,
  leader: BrokerId,
): readonly { topic: string; partition: number }[] {
  if (!b.followed) {
    const followed: Record<string, { topic: string; partition: number }[]> = {};
    for (const h of b.hosted) {
      const p = partitionOf(s, h.topic, h.partition);
      const r = p && replicaOf(p, b.id);
      if (!r || r.role !== "follower" || r.knownLeader < 0) continue;
      (followed[r.knownLeader] ??= []).push(h);
    }
    b.followed = followed;
  }
  return b.followed[leader] ?? [];
}

/**
 * One fetch request per (follower, leader) pair, covering every partition it follows there.
 * `previous` is the request the last answer replied to: a partition whose fetch position has
 * not moved since reuses its entry (entries are immutable), and so may the whole list.
 */
export function sendFetch(
  ctx: Ctx,
  follower: BrokerId,
  leader: BrokerId,
  incarnation: number,
  previous: readonly FetchPartitionRequest[] = NO_REQUESTS,
): void {
  const s = ctx.state;
  const b = s.brokers[follower];
  if (!b || b.incarnation !== incarnation || b.status === "offline") return;
  const partitions: FetchPartitionRequest[] = [];
  let same = true;
  for (const h of followedFrom(s, b, leader)) {
    const p = partitionOf(s, h.topic, h.partition);
    const r = p && replicaOf(p, follower);
    if (!p || !r || r.role !== "follower" || r.knownLeader !== leader) continue;
    const fetchOffset = r.logEndOffset;
    const lastFetchedEpoch = latestEpoch(r);
    const old = previous[partitions.length];
    if (
      old !== undefined &&
      old.partition === p.partition &&
      old.topic === p.topic &&
      old.fetchOffset === fetchOffset &&
      old.lastFetchedEpoch === lastFetchedEpoch &&
      old.currentLeaderEpoch === r.knownLeaderEpoch
    ) {
      partitions.push(old);
      continue;
    }
    same = false;
    partitions.push({
      topic: p.topic,
      partition: p.partition,
      fetchOffset,
      lastFetchedEpoch,
      currentLeaderEpoch: r.knownLeaderEpoch,
    });
  }
  if (partitions.length === 0) {
    b.fetching[leader] = false;
    return;
  }
  const leaderBroker = s.brokers[leader];
  const sent = send(ctx, {
    from: brokerParty(follower),
    to: brokerParty(leader),
    toIncarnation: leaderBroker?.incarnation ?? 0,
    body: {
      kind: "fetchRequest",
      follower,
      followerIncarnation: incarnation,
      leader,
      partitions:
        same && partitions.length === previous.length
          ? (previous as FetchPartitionRequest[])
          : partitions,
    },
  });
  if (!sent)
    schedule(ctx, s.time + REPLICA_FETCH_BACKOFF_MS, {
      kind: "sendFetch",
      follower,
      leader,
      incarnation,
    });
}

/**
 * Called when a fetch request or response was lost on the way: the follower retries after a
 * backoff, unless the fetch belonged to a previous life of the broker (which runs its own).
 */
export function onFetchDropped(
  ctx: Ctx,
  follower: BrokerId,
  leader: BrokerId,
  followerIncarnation: number,
): void {
  const b = ctx.state.brokers[follower];
  if (!b || b.status === "offline" || b.incarnation !== followerIncarnation) return;
  schedule(ctx, ctx.state.time + REPLICA_FETCH_BACKOFF_MS, {
    kind: "sendFetch",
    follower,
    leader,
    incarnation: b.incarnation,
  });
}

function isCaughtUp(r: ReplicaState, followerId: BrokerId, now: number, lagMaxMs: number): boolean {
  const f = r.followers[followerId];
  if (!f) return false;
  return f.logEndOffset >= r.logEndOffset || now - f.lastCaughtUpTime <= lagMaxMs;
}

const NO_RECORDS: readonly LogRecord[] = Object.freeze([]);
const NO_REQUESTS: readonly FetchPartitionRequest[] = Object.freeze([]);

/** Built field by field: object spreads on this hot path cost more than the fetch itself. */
function fetchAnswer(
  req: FetchPartitionRequest,
  r: ReplicaState | undefined,
  records: readonly LogRecord[],
  divergingEpoch: FetchPartitionResponse["divergingEpoch"],
  error: FetchPartitionResponse["error"],
): FetchPartitionResponse {
  return {
    topic: req.topic,
    partition: req.partition,
    records: records as LogRecord[],
    highWatermark: r ? r.highWatermark : 0,
    logStartOffset: r ? r.logStartOffset : 0,
    divergingEpoch,
    error,
  };
}

/**
 * One partition of a follower's fetch at the leader: what the leader learns from it (the
 * follower's LEO, ISR and HW), and the answer. With `always` false an answer with nothing in it
 * (no records, no divergence, no error) is not built: null says so, and emptyAnswer builds it
 * later if the fetch is answered at once after all.
 */
function serveFetchPartition(
  ctx: Ctx,
  leaderId: BrokerId,
  follower: BrokerId,
  req: FetchPartitionRequest,
  always: boolean,
): FetchPartitionResponse | null {
  const s = ctx.state;
  const p = partitionOf(s, req.topic, req.partition);
  const r = p && replicaOf(p, leaderId);
  if (!p || !r || r.role !== "leader")
    return fetchAnswer(req, undefined, NO_RECORDS, null, "NotLeaderOrFollower");
  if (req.currentLeaderEpoch !== r.knownLeaderEpoch)
    return fetchAnswer(req, undefined, NO_RECORDS, null, "FencedLeaderEpoch");
  const latest = r.epochs[r.epochs.length - 1];
  if (latest !== undefined && req.lastFetchedEpoch >= 0 && req.lastFetchedEpoch === latest.epoch) {
    // The usual case, without the lookup's allocation: the follower is on the leader's latest
    // epoch, which ends at the leader's LEO (what endOffsetForEpoch would answer).
    if (r.logEndOffset < req.fetchOffset)
      return fetchAnswer(
        req,
        r,
        NO_RECORDS,
        { epoch: latest.epoch, endOffset: r.logEndOffset },
        null,
      );
  } else if (req.lastFetchedEpoch >= 0) {
    const end = endOffsetForEpoch(r, req.lastFetchedEpoch);
    if (end.epoch !== req.lastFetchedEpoch || end.endOffset < req.fetchOffset) {
      return fetchAnswer(req, r, NO_RECORDS, end, null);
    }
  }
  if (req.fetchOffset < r.logStartOffset || req.fetchOffset > r.logEndOffset)
    return fetchAnswer(req, r, NO_RECORDS, null, "OffsetOutOfRange");
  const now = s.time;
  const f = r.followers[follower];
  if (f) {
    // Kafka's lastCaughtUpTime rule: caught up now, or caught up to where the leader was at the previous fetch.
    if (req.fetchOffset >= r.logEndOffset) f.lastCaughtUpTime = Math.max(f.lastCaughtUpTime, now);
    else if (req.fetchOffset >= f.lastFetchLeaderLogEndOffset)
      f.lastCaughtUpTime = Math.max(f.lastCaughtUpTime, f.lastFetchTime);
    f.logEndOffset = req.fetchOffset;
    f.lastFetchLeaderLogEndOffset = r.logEndOffset;
    f.lastFetchTime = now;
    maybeExpandIsr(ctx, p, r, follower);
    maybeAdvanceHighWatermark(ctx, p, r);
  }
  if (req.fetchOffset >= r.logEndOffset)
    return always ? fetchAnswer(req, r, NO_RECORDS, null, null) : null;
  const records = readRecords(r, req.fetchOffset, r.logEndOffset, s.config.replicaFetchMaxBytes);
  // Compaction can leave nothing between the fetch offset and the LEO: still an empty answer.
  if (records.length === 0 && !always) return null;
  return fetchAnswer(req, r, records, null, null);
}

/**
 * The answer serveFetchPartition left unbuilt. Serving the fetch's other partitions changes
 * nothing this answer reads (each touches its own partition only), so it is the same answer.
 */
function emptyAnswer(
  s: SimState,
  leaderId: BrokerId,
  req: FetchPartitionRequest,
): FetchPartitionResponse {
  const p = partitionOf(s, req.topic, req.partition);
  return fetchAnswer(req, p && replicaOf(p, leaderId), NO_RECORDS, null, null);
}

/** Serves every partition of a fetch and answers it. */
function serveAndRespond(
  ctx: Ctx,
  leaderId: BrokerId,
  follower: BrokerId,
  followerIncarnation: number,
  requests: readonly FetchPartitionRequest[],
): void {
  const responses = new Array<FetchPartitionResponse>(requests.length);
  for (let i = 0; i < requests.length; i++)
    responses[i] = serveFetchPartition(ctx, leaderId, follower, requests[i]!, true)!;
  respondFetch(ctx, leaderId, follower, followerIncarnation, requests, responses);
}

export function handleFetchRequest(
  ctx: Ctx,
  leaderId: BrokerId,
  follower: BrokerId,
  followerIncarnation: number,
  partitions: FetchPartitionRequest[],
): void {
  const s = ctx.state;
  const n = partitions.length;
  let responses: (FetchPartitionResponse | null)[] | null = null;
  for (let i = 0; i < n; i++) {
    const answer = serveFetchPartition(ctx, leaderId, follower, partitions[i]!, false);
    if (answer === null) continue;
    responses ??= new Array<FetchPartitionResponse | null>(n).fill(null);
    responses[i] = answer;
  }
  if (responses === null) {
    // Long poll: park until data arrives or replica.fetch.wait.max.ms passes.
    const pair = joinKey(leaderId, ">", follower);
    s.parkedFetches[pair] = {
      parkId: s.nextId++,
      follower,
      followerIncarnation,
      leader: leaderId,
      requests: partitions,
      expiresAt: s.time + s.config.replicaFetchWaitMaxMs,
    };
    armTimer(ctx, joinKey("fetch", ":", pair), s.time + s.config.replicaFetchWaitMaxMs, {
      kind: "fetchTimeout",
      leader: leaderId,
      follower,
    });
    return;
  }
  for (let i = 0; i < n; i++) responses[i] ??= emptyAnswer(s, leaderId, partitions[i]!);
  respondFetch(
    ctx,
    leaderId,
    follower,
    followerIncarnation,
    partitions,
    responses as FetchPartitionResponse[],
  );
}

function respondFetch(
  ctx: Ctx,
  leaderId: BrokerId,
  follower: BrokerId,
  followerIncarnation: number,
  requests: readonly FetchPartitionRequest[],
  responses: FetchPartitionResponse[],
): void {
  let withData: FetchPartitionResponse | undefined;
  let count = 0;
  for (const r of responses) {
    if (r.records.length === 0) continue;
    withData ??= r;
    count += r.records.length;
  }
  const message: Message = {
    from: brokerParty(leaderId),
    to: brokerParty(follower),
    // Back on the connection the request came in on: a restarted follower never gets it.
    toIncarnation: followerIncarnation,
    body: {
      kind: "fetchResponse",
      follower,
      followerIncarnation,
      leader: leaderId,
      requests,
      partitions: responses,
    },
  };
  const delivered = withData
    ? sendCarrying(
        ctx,
        message,
        "replicate",
        withData.topic,
        withData.partition,
        transferKeys(withData.records),
        withData.records[0]!.offset,
        recordsLabel(count),
      )
    : send(ctx, message);
  if (!delivered) onFetchDropped(ctx, follower, leaderId, followerIncarnation);
}

/** A parked fetch answers early when the leader appends to one of its partitions. */
export function wakeParkedFetches(
  ctx: Ctx,
  leaderId: BrokerId,
  topic: string,
  partition: number,
): void {
  const s = ctx.state;
  const p = partitionOf(s, topic, partition);
  if (!p) return;
  // Only the partition's own followers can be waiting on it: look up their sessions directly.
  for (const follower of p.replicas) {
    const key = joinKey(leaderId, ">", follower);
    const pf = s.parkedFetches[key];
    if (!pf || !waitsOn(pf.requests, topic, partition)) continue;
    delete s.parkedFetches[key];
    serveAndRespond(ctx, leaderId, pf.follower, pf.followerIncarnation, pf.requests);
  }
}

function waitsOn(
  requests: readonly FetchPartitionRequest[],
  topic: string,
  partition: number,
): boolean {
  for (const q of requests) if (q.partition === partition && q.topic === topic) return true;
  return false;
}

export function handleFetchTimeout(ctx: Ctx, leaderId: BrokerId, follower: BrokerId): void {
  const s = ctx.state;
  const key = joinKey(leaderId, ">", follower);
  const timer = joinKey("fetch", ":", key);
  if (!timerFired(ctx, timer)) return;
  const pf = s.parkedFetches[key];
  if (!pf) return;
  if (pf.expiresAt > s.time) {
    armTimer(ctx, timer, pf.expiresAt, { kind: "fetchTimeout", leader: leaderId, follower });
    return;
  }
  delete s.parkedFetches[key];
  serveAndRespond(ctx, leaderId, follower, pf.followerIncarnation, pf.requests);
}

/** The follower side: truncate on divergence, append, learn the high watermark, fetch again. */
export function handleFetchResponse(
  ctx: Ctx,
  follower: BrokerId,
  leader: BrokerId,
  partitions: FetchPartitionResponse[],
  requests: readonly FetchPartitionRequest[],
): void {
  const s = ctx.state;
  const b = s.brokers[follower];
  if (!b || b.status === "offline") return;
  let errors = 0;
  for (const part of partitions) {
    const p = partitionOf(s, part.topic, part.partition);
    const r = p && replicaOf(p, follower);
    if (!p || !r || r.role !== "follower" || r.knownLeader !== leader) continue;
    if (part.error === "OffsetOutOfRange" && part.logStartOffset > r.logEndOffset) {
      // Kafka's follower restarts from the leader's log start offset when it fell below it.
      truncateFully(ctx, p, r, part.logStartOffset);
      continue;
    }
    if (part.error !== null) {
      errors++;
      continue;
    }
    if (part.divergingEpoch) {
      const own = endOffsetForEpoch(r, part.divergingEpoch.epoch);
      const to = Math.min(
        own.endOffset < 0 ? r.logStartOffset : own.endOffset,
        part.divergingEpoch.endOffset < 0 ? r.logStartOffset : part.divergingEpoch.endOffset,
      );
      // A divergence below this log's start (retention deleted the older segments): Kafka's
      // UnifiedLog.truncateTo then truncates fully and starts the log at that offset.
      if (to < r.logStartOffset) truncateFully(ctx, p, r, to);
      else truncateReplica(ctx, p, r, to);
      continue;
    }
    appendFetched(ctx, p, r, part.records);
    if (part.logStartOffset > r.logStartOffset) advanceFollowerLogStart(r, part.logStartOffset);
    r.highWatermark = Math.max(r.highWatermark, Math.min(part.highWatermark, r.logEndOffset));
    if (part.records.length > 0 && wantsDetail(ctx))
      emitBuilt(ctx, {
        type: "replicaFetched",
        time: s.time,
        topic: p.topic,
        partition: p.partition,
        follower,
        leader,
        count: part.records.length,
        logEndOffset: r.logEndOffset,
      });
  }
  const delay =
    errors === partitions.length && errors > 0 ? REPLICA_FETCH_BACKOFF_MS : b.fetchDelayMs;
  b.fetching[leader] = true;
  // The fetcher thread sends its next request at once; only a delay needs the queue.
  if (delay === 0) sendFetch(ctx, follower, leader, b.incarnation, requests);
  else
    schedule(ctx, s.time + delay, {
      kind: "sendFetch",
      follower,
      leader,
      incarnation: b.incarnation,
    });
}

function appendFetched(
  ctx: Ctx,
  p: PartitionState,
  r: ReplicaState,
  records: readonly LogRecord[],
): void {
  const t = ctx.state.topics[p.topic]!;
  let batchStart: LogRecord | undefined;
  for (const rec of records) {
    if (rec.offset < r.logEndOffset) continue;
    appendRecord(r, rec, ctx.state.time, t.config.segmentBytes, t.config.segmentMs);
    if (rec.producerId >= 0) {
      if (
        !batchStart ||
        batchStart.batchId !== rec.batchId ||
        batchStart.producerId !== rec.producerId ||
        batchStart.producerEpoch !== rec.producerEpoch
      ) {
        batchStart = rec;
        recordProducerBatch(r, rec.producerId, {
          producerEpoch: rec.producerEpoch,
          firstSeq: rec.sequence,
          lastSeq: rec.sequence,
          firstOffset: rec.offset,
        });
      } else {
        const list = r.producers[producerKey(rec.producerId)]!;
        list[list.length - 1]!.lastSeq = rec.sequence;
      }
    }
  }
}

function advanceFollowerLogStart(r: ReplicaState, offset: number): void {
  r.logStartOffset = Math.min(offset, r.logEndOffset);
  while (r.segments.length > 1 && r.segments[1]!.baseOffset <= r.logStartOffset) r.segments.shift();
  const first = r.segments[0];
  if (first) {
    const records = segmentRecords(first);
    const keep = records.filter((rec) => rec.offset >= r.logStartOffset);
    if (keep.length !== records.length) r.segments[0] = withRecords(first, keep);
  }
  if (r.highWatermark < r.logStartOffset) r.highWatermark = r.logStartOffset;
}

export function truncateReplica(
  ctx: Ctx,
  p: PartitionState,
  r: ReplicaState,
  offset: number,
): void {
  reportTruncation(ctx, p, r, offset, truncateTo(r, offset));
}

function reportTruncation(
  ctx: Ctx,
  p: PartitionState,
  r: ReplicaState,
  offset: number,
  removed: number,
): void {
  if (removed === 0) return;
  const time = ctx.state.time;
  const leader = r.knownLeader;
  const leaderEpoch = r.knownLeaderEpoch;
  emit(ctx, () => ({
    type: "recordsTruncated",
    time,
    topic: p.topic,
    partition: p.partition,
    broker: r.brokerId,
    truncatedTo: offset,
    count: removed,
    leader,
    leaderEpoch,
  }));
  onTruncated(ctx, p);
}

/** Kafka's truncateFullyAndStartAt: an empty log that starts (and ends) at `newStart`. */
function truncateFully(ctx: Ctx, p: PartitionState, r: ReplicaState, newStart: number): void {
  const removed = truncateTo(r, r.logStartOffset);
  r.segments = [];
  r.epochs = [];
  r.producers = {};
  r.logStartOffset = newStart;
  r.logEndOffset = newStart;
  r.highWatermark = newStart;
  r.lastCleanedOffset = newStart;
  reportTruncation(ctx, p, r, newStart, removed);
}

/**
 * Partition.maybeIncrementLeaderHW: the smallest LEO among the maximal ISR (and caught-up
 * replicas about to join), never backwards, and frozen while the ISR is below
 * min.insync.replicas (Kafka 3.7+, KAFKA-15583).
 */
export function maybeAdvanceHighWatermark(ctx: Ctx, p: PartitionState, r: ReplicaState): void {
  // The HW is at most the LEO: with nothing above the HW there is nothing to advance to (most
  // fetches of a caught-up follower end here).
  if (r.role !== "leader" || r.logEndOffset <= r.highWatermark) return;
  const s = ctx.state;
  const topic = s.topics[p.topic]!;
  const maximalIsr = r.pendingIsr ?? r.knownIsr;
  const effectiveMinIsr = Math.min(topic.config.minInsyncReplicas, p.replicas.length);
  if (Math.min(r.knownIsr.length, maximalIsr.length) < effectiveMinIsr) return;
  let hw = r.logEndOffset;
  for (const id of p.replicas) {
    if (id === r.brokerId) continue;
    const f = r.followers[id];
    if (!f) continue;
    const inIsr = maximalIsr.includes(id) || r.knownIsr.includes(id);
    const aboutToJoin =
      !inIsr &&
      f.logEndOffset >= 0 &&
      isCaughtUp(r, id, s.time, s.config.replicaLagTimeMaxMs) &&
      isrEligible(s, id);
    if ((inIsr || aboutToJoin) && f.logEndOffset < hw)
      hw = Math.max(f.logEndOffset, r.logStartOffset);
  }
  if (hw <= r.highWatermark) return;
  r.highWatermark = hw;
  if (wantsDetail(ctx))
    emitBuilt(ctx, {
      type: "highWatermarkAdvanced",
      time: s.time,
      topic: p.topic,
      partition: p.partition,
      broker: r.brokerId,
      highWatermark: hw,
    });
  completeParkedProduces(ctx, p, r);
  wakeParkedConsumerFetches(ctx, r.brokerId, p.topic, p.partition);
}

function isrEligible(s: SimState, id: BrokerId): boolean {
  const b = s.brokers[id];
  return !!b && b.status === "online" && !b.fenced;
}

function sendAlterPartition(
  ctx: Ctx,
  p: PartitionState,
  r: ReplicaState,
  newIsr: BrokerId[],
): void {
  r.pendingIsr = newIsr;
  const sent = send(ctx, {
    from: brokerParty(r.brokerId),
    to: CONTROLLER_PARTY,
    toIncarnation: 0,
    body: {
      kind: "alterPartition",
      broker: r.brokerId,
      topic: p.topic,
      partition: p.partition,
      leaderEpoch: r.knownLeaderEpoch,
      newIsr,
    },
  });
  // A leader cut off from the controller cannot change the ISR: it keeps waiting.
  if (!sent) r.pendingIsr = null;
}

/** A follower rejoins once its LEO reaches the HW and the current epoch's start offset. */
function maybeExpandIsr(ctx: Ctx, p: PartitionState, r: ReplicaState, follower: BrokerId): void {
  if (r.pendingIsr || r.knownIsr.includes(follower)) return;
  const f = r.followers[follower]!;
  let epochStart = 0;
  for (const e of r.epochs) {
    if (e.epoch === r.knownLeaderEpoch) {
      epochStart = e.startOffset;
      break;
    }
  }
  if (
    f.logEndOffset >= r.highWatermark &&
    f.logEndOffset >= epochStart &&
    isrEligible(ctx.state, follower)
  ) {
    sendAlterPartition(ctx, p, r, [...r.knownIsr, follower]);
  }
}

/** Every replica.lag.time.max.ms / 2, each leader drops followers that have not caught up in time. */
export function handleIsrCheck(ctx: Ctx, brokerId: BrokerId, incarnation: number): void {
  const s = ctx.state;
  const b = s.brokers[brokerId];
  if (!b || b.status === "offline" || b.incarnation !== incarnation) return;
  schedule(ctx, s.time + s.config.replicaLagTimeMaxMs / 2, {
    kind: "isrCheck",
    broker: brokerId,
    incarnation,
  });
  for (const h of b.hosted) {
    const p = partitionOf(s, h.topic, h.partition);
    const r = p && replicaOf(p, brokerId);
    if (!p || !r || r.role !== "leader" || r.pendingIsr) continue;
    const keep = r.knownIsr.filter(
      (id) => id === brokerId || isCaughtUp(r, id, s.time, s.config.replicaLagTimeMaxMs),
    );
    if (keep.length < r.knownIsr.length) sendAlterPartition(ctx, p, r, keep);
  }
}
