// The consumer client: the poll loop (join when needed, auto-commit inside poll, fetch from each
// partition's leader, at most max.poll.records), processing each record for a configured
// virtual time, manual commits after processing, and the background heartbeat thread with its
// max.poll.interval.ms check.

import { rebalanceProtocolFor } from "./assignors/index.ts";
import { emit, schedule, send, type Ctx } from "./context.ts";
import { consumerParty, type ConsumerMessageBody } from "./consumerTasks.ts";
import { joinGroup } from "./coordinator.ts";
import { leaveNow } from "./heartbeat.ts";
import type { ConsumerState } from "./groupTypes.ts";
import {
  commitPositions,
  coordinatorReachable,
  groupOf,
  initPosition,
  revokeFrom,
  splitPartition,
} from "./membership.ts";
import { brokerParty } from "./messages.ts";
import type { SimState } from "./types.ts";

/** Poll again after this long when there is nothing to fetch (or the leader was unknown). */
const IDLE_POLL_MS = 100;
/** Extra time beyond fetch.max.wait.ms before a fetch with no answer is given up. */
const FETCH_TIMEOUT_SLACK_MS = 2000;
/** request.timeout.ms for a synchronous commit, shortened for lessons. */
const COMMIT_TIMEOUT_MS = 5000;
const EXAMPLES_KEPT = 20;

type FetchResponse = Extract<ConsumerMessageBody, { kind: "consumerFetchResponse" }>;
type CommitResponse = Extract<ConsumerMessageBody, { kind: "offsetCommitResponse" }>;

function live(s: SimState, id: string, incarnation: number): ConsumerState | undefined {
  const c = s.consumers[id];
  return c && c.incarnation === incarnation && c.status !== "crashed" ? c : undefined;
}

export function schedulePoll(ctx: Ctx, c: ConsumerState, at: number): void {
  schedule(ctx, at, { kind: "consumerPoll", consumer: c.id, incarnation: c.incarnation });
}

/** consumer.poll(): rejoin if needed, auto-commit, then fetch. */
export function handlePoll(ctx: Ctx, id: string, incarnation: number): void {
  const s = ctx.state;
  const c = live(s, id, incarnation);
  if (!c || c.status === "closed" || c.status === "stalled" || c.phase !== "idle") return;
  const g = groupOf(s, c);
  c.lastPollAt = s.time;
  if (coordinatorReachable(s, c) >= 0) {
    const m = g.members[c.memberId];
    if (m && g.state === "PreparingRebalance" && !m.joined) c.rejoinNeeded = true;
    if (c.memberState === "unjoined" || c.rejoinNeeded) {
      // onJoinPrepare: an eager member commits synchronously, then gives up everything.
      if (rebalanceProtocolFor(c.config.partitionAssignmentStrategy) === "eager") {
        if (c.config.enableAutoCommit && !c.rejoinCommitted && c.assignment.length > 0) {
          const commitId = commitPositions(ctx, c, c.assignment);
          if (commitId >= 0) {
            c.rejoinCommitted = true;
            waitForCommit(ctx, c, commitId);
            return;
          }
        }
        revokeFrom(ctx, c, c.assignment.slice(), "eager", "eager rebalance revoked it", false);
      }
      c.rejoinCommitted = false;
      joinGroup(ctx, g, c);
    }
    if (
      c.config.enableAutoCommit &&
      c.memberState === "stable" &&
      s.time >= c.nextAutoCommitAt &&
      c.assignment.length > 0
    ) {
      commitPositions(ctx, c, c.assignment);
      c.nextAutoCommitAt = s.time + c.config.autoCommitIntervalMs;
    }
  }
  const byLeader: Record<string, { topic: string; partition: number; offset: number }[]> = {};
  if (c.status === "running")
    for (const pk of c.assignment) {
      if (c.errors[pk]) continue;
      if (c.positions[pk] === undefined) initPosition(ctx, c, pk);
      const offset = c.positions[pk];
      const { topic, partition } = splitPartition(pk);
      const leader = s.topics[topic]?.partitions[partition]?.leader ?? -1;
      if (offset === undefined || leader < 0) continue;
      (byLeader[String(leader)] ??= []).push({ topic, partition, offset });
    }
  const leaders = Object.keys(byLeader);
  if (leaders.length === 0) {
    schedulePoll(ctx, c, s.time + IDLE_POLL_MS);
    return;
  }
  c.phase = "fetching";
  c.pollId++;
  c.inbox = [];
  c.fetchesInFlight = 0;
  for (const leader of leaders) {
    const sent = send(ctx, {
      from: consumerParty(c.id),
      to: brokerParty(Number(leader)),
      toIncarnation: s.brokers[leader]?.incarnation ?? 0,
      body: {
        kind: "consumerFetch",
        consumer: c.id,
        incarnation: c.incarnation,
        pollId: c.pollId,
        leader: Number(leader),
        partitions: byLeader[leader]!,
        maxRecords: c.config.maxPollRecords,
        deadline: s.time + c.config.fetchMaxWaitMs,
      },
    });
    if (sent) c.fetchesInFlight++;
  }
  if (c.fetchesInFlight === 0) {
    c.phase = "idle";
    schedulePoll(ctx, c, s.time + IDLE_POLL_MS);
    return;
  }
  schedule(ctx, s.time + c.config.fetchMaxWaitMs + FETCH_TIMEOUT_SLACK_MS, {
    kind: "consumerPollTimeout",
    consumer: c.id,
    incarnation: c.incarnation,
    pollId: c.pollId,
  });
}

export function handleConsumerFetchResponse(ctx: Ctx, res: FetchResponse): void {
  const s = ctx.state;
  const c = live(s, res.consumer, res.incarnation);
  if (!c || c.phase !== "fetching" || c.pollId !== res.pollId) return;
  const g = groupOf(s, c);
  for (const part of res.partitions) {
    const pk = `${part.topic}-${part.partition}`;
    if (!c.assignment.includes(pk) || c.positions[pk] !== part.fetchOffset) continue;
    if (part.error === "OffsetOutOfRange") initPosition(ctx, c, pk, true);
    for (const rec of part.records) if (rec.offset >= part.highWatermark) g.aboveHighWatermark++;
    if (part.records.length > 0) c.inbox.push(part);
  }
  if (--c.fetchesInFlight <= 0) finishPoll(ctx, c);
}

export function handlePollTimeout(ctx: Ctx, id: string, incarnation: number, pollId: number): void {
  const c = live(ctx.state, id, incarnation);
  if (c && c.phase === "fetching" && c.pollId === pollId) finishPoll(ctx, c);
}

/** poll() returns: take at most max.poll.records, advance positions, start processing. */
function finishPoll(ctx: Ctx, c: ConsumerState): void {
  const s = ctx.state;
  const g = groupOf(s, c);
  let budget = c.config.maxPollRecords;
  let total = 0;
  // pause() also holds back records already fetched: poll() returns nothing from paused partitions.
  const inbox = c.status === "paused" ? [] : c.inbox;
  for (const part of inbox) {
    const pk = `${part.topic}-${part.partition}`;
    if (!c.assignment.includes(pk) || c.positions[pk] !== part.fetchOffset) continue;
    const recs = part.records.slice(0, budget);
    if (recs.length === 0) continue;
    budget -= recs.length;
    total += recs.length;
    const first = recs[0]!.offset;
    const last = recs[recs.length - 1]!.offset;
    c.positions[pk] = last + 1;
    const upTo = g.deliveredUpTo[pk] ?? -1;
    if (upTo >= 0 && first < upTo) {
      const again = recs.filter((r) => r.offset < upTo).length;
      const cause = g.redeliveryCause[pk] ?? "rebalance";
      g.redelivered.count += again;
      if (g.redelivered.examples.length < EXAMPLES_KEPT)
        g.redelivered.examples.push({
          topic: part.topic,
          partition: part.partition,
          firstOffset: first,
          lastOffset: Math.min(last, upTo - 1),
          consumer: c.id,
          cause,
          time: s.time,
        });
      const time = s.time;
      emit(ctx, () => ({
        type: "recordsRedelivered",
        time,
        groupId: c.groupId,
        consumer: c.id,
        partition: pk,
        firstOffset: first,
        count: again,
        cause,
      }));
    }
    g.deliveredUpTo[pk] = Math.max(upTo, last + 1);
    const time = s.time;
    const count = recs.length;
    emit(ctx, () => ({
      type: "recordsConsumed",
      time,
      groupId: c.groupId,
      consumer: c.id,
      partition: pk,
      firstOffset: first,
      count,
    }));
  }
  c.inbox = [];
  c.fetchesInFlight = 0;
  c.consumed += total;
  if (total === 0) {
    c.phase = "idle";
    schedulePoll(ctx, c, s.time);
    return;
  }
  c.phase = "processing";
  schedule(ctx, s.time + total * c.processingMsPerRecord, {
    kind: "consumerProcessed",
    consumer: c.id,
    incarnation: c.incarnation,
    pollId: c.pollId,
  });
}

/** Processing done: a manual-commit application commits now (sync or async), then polls. */
export function handleProcessed(ctx: Ctx, id: string, incarnation: number, pollId: number): void {
  const s = ctx.state;
  const c = live(s, id, incarnation);
  if (!c || c.phase !== "processing" || c.pollId !== pollId) return;
  c.phase = "idle";
  if (!c.config.enableAutoCommit && c.status !== "closed") {
    if (c.memberId === "") {
      // Removed from the group while processing (max.poll.interval.ms): commitSync throws.
      const time = s.time;
      emit(ctx, () => ({
        type: "offsetCommitFailed",
        time,
        groupId: c.groupId,
        consumer: c.id,
        error: "CommitFailedException",
      }));
    }
    const commitId = commitPositions(ctx, c, c.assignment);
    if (commitId >= 0 && c.config.commitMode === "sync") {
      waitForCommit(ctx, c, commitId);
      return;
    }
  }
  schedulePoll(ctx, c, s.time);
}

/** commitSync: the poll loop waits for the answer (or the timeout). */
function waitForCommit(ctx: Ctx, c: ConsumerState, commitId: number): void {
  c.phase = "committing";
  schedule(ctx, ctx.state.time + COMMIT_TIMEOUT_MS, {
    kind: "consumerCommitTimeout",
    consumer: c.id,
    incarnation: c.incarnation,
    commitId,
  });
}

export function handleOffsetCommitResponse(ctx: Ctx, res: CommitResponse): void {
  const s = ctx.state;
  const c = live(s, res.consumer, res.incarnation);
  if (!c) return;
  if (res.error) {
    const time = s.time;
    const error = res.error;
    emit(ctx, () => ({
      type: "offsetCommitFailed",
      time,
      groupId: c.groupId,
      consumer: c.id,
      error,
    }));
  }
  commitDone(ctx, c, res.commitId);
}

export function handleCommitTimeout(
  ctx: Ctx,
  id: string,
  incarnation: number,
  commitId: number,
): void {
  const c = live(ctx.state, id, incarnation);
  if (c) commitDone(ctx, c, commitId);
}

function commitDone(ctx: Ctx, c: ConsumerState, commitId: number): void {
  if (c.closingCommitId === commitId) {
    c.closingCommitId = -1;
    leaveNow(ctx, c);
  }
  if (c.phase === "committing" && c.commitId === commitId) {
    c.phase = "idle";
    schedulePoll(ctx, c, ctx.state.time);
  }
}
