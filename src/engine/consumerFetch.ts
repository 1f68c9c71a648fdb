// The leader's side of a consumer fetch: records from the fetch offset up to the high watermark
// only (a consumer never sees uncommitted records), at most max.poll.records, and a long poll of
// up to fetch.max.wait.ms while there is nothing to return.

import { joinKey } from "./intern.ts";
import { armTimer, send, timerFired, type Ctx, transferKeys } from "./context.ts";
import {
  consumerParty,
  type ConsumerFetchPartition,
  type ConsumerFetchRequest,
} from "./consumerTasks.ts";
import { readRecords } from "./log.ts";
import { brokerParty } from "./messages.ts";
import type { BrokerId, LogRecord, ReplicaState } from "./types.ts";

/** max.partition.fetch.bytes */
const MAX_PARTITION_FETCH_BYTES = 1048576;

function serve(
  ctx: Ctx,
  broker: BrokerId,
  q: ConsumerFetchRequest["partitions"][number],
  maxRecords: number,
): ConsumerFetchPartition {
  const r = leaderReplica(ctx, broker, q);
  if (!r) return answer(q, [], -1, -1, "NotLeaderOrFollower");
  const hw = r.highWatermark;
  // Kafka checks the range against the log end offset: between the HW and the LEO (a new
  // leader whose HW has not caught up yet) the answer is simply empty.
  if (q.offset < r.logStartOffset || q.offset > r.logEndOffset)
    return answer(q, [], hw, r.logStartOffset, "OffsetOutOfRange");
  const read = readRecords(r, q.offset, hw, MAX_PARTITION_FETCH_BYTES);
  const records = read.length > maxRecords ? read.slice(0, maxRecords) : read;
  return answer(q, records, hw, r.logStartOffset, null);
}

function leaderReplica(
  ctx: Ctx,
  broker: BrokerId,
  q: ConsumerFetchRequest["partitions"][number],
): ReplicaState | undefined {
  const r = ctx.state.topics[q.topic]?.partitions[q.partition]?.replicaStates[broker];
  return r && r.role === "leader" ? r : undefined;
}

/** Built field by field (no spreads: this runs per partition of every consumer fetch). */
function answer(
  q: ConsumerFetchRequest["partitions"][number],
  records: LogRecord[],
  highWatermark: number,
  logStartOffset: number,
  error: ConsumerFetchPartition["error"],
): ConsumerFetchPartition {
  return {
    topic: q.topic,
    partition: q.partition,
    fetchOffset: q.offset,
    records,
    highWatermark,
    logStartOffset,
    error,
  };
}

/**
 * Whether serve could answer anything now (an error, or records below the HW): when no
 * partition can, the fetch parks without building its answers (serve only reads).
 */
function mayAnswer(
  ctx: Ctx,
  broker: BrokerId,
  q: ConsumerFetchRequest["partitions"][number],
): boolean {
  const r = leaderReplica(ctx, broker, q);
  if (!r) return true;
  if (q.offset < r.logStartOffset || q.offset > r.logEndOffset) return true;
  return q.offset < r.highWatermark;
}

export function handleConsumerFetch(ctx: Ctx, broker: BrokerId, req: ConsumerFetchRequest): void {
  const s = ctx.state;
  const b = s.brokers[broker];
  if (!b || b.status !== "online") return;
  let maybe = s.time >= req.deadline;
  for (const q of req.partitions) if (!maybe && mayAnswer(ctx, broker, q)) maybe = true;
  const results: ConsumerFetchPartition[] = [];
  if (maybe) for (const q of req.partitions) results.push(serve(ctx, broker, q, req.maxRecords));
  const ready = results.some((r) => r.records.length > 0 || r.error !== null);
  if (!ready && s.time < req.deadline) {
    // DelayedFetch: park until the high watermark moves on one of its partitions, or the deadline.
    park(ctx, broker, req);
    armTimer(ctx, joinKey("cfetch", ":", joinKey(broker, ">", req.consumer)), req.deadline, {
      kind: "consumerFetchWait",
      broker,
      consumer: req.consumer,
    });
    return;
  }
  const withData = results.filter((r) => r.records.length > 0);
  const count = withData.reduce((n, r) => n + r.records.length, 0);
  const first = withData[0];
  send(
    ctx,
    {
      from: brokerParty(broker),
      to: consumerParty(req.consumer),
      toIncarnation: 0,
      body: {
        kind: "consumerFetchResponse",
        consumer: req.consumer,
        incarnation: req.incarnation,
        pollId: req.pollId,
        partitions: results,
      },
    },
    first
      ? {
          kind: "consume",
          topic: first.topic,
          partition: first.partition,
          keys: transferKeys(first.records),
          firstOffset: first.records[0]!.offset,
          label: `${count} record${count === 1 ? "" : "s"}`,
        }
      : undefined,
  );
}

const waitKey = (broker: BrokerId, topic: string, partition: number): string =>
  joinKey(joinKey(broker, ">", topic), ">", partition);

function park(ctx: Ctx, broker: BrokerId, req: ConsumerFetchRequest): void {
  const s = ctx.state;
  unpark(ctx, broker, req.consumer);
  s.parkedConsumerFetches[joinKey(broker, ">", req.consumer)] = req;
  for (const q of req.partitions)
    (s.consumerFetchWaiters[waitKey(broker, q.topic, q.partition)] ??= {})[req.consumer] = true;
}

function unpark(ctx: Ctx, broker: BrokerId, consumer: string): ConsumerFetchRequest | undefined {
  const s = ctx.state;
  const key = joinKey(broker, ">", consumer);
  const req = s.parkedConsumerFetches[key];
  if (!req) return undefined;
  delete s.parkedConsumerFetches[key];
  for (const q of req.partitions) {
    const k = waitKey(broker, q.topic, q.partition);
    const waiting = s.consumerFetchWaiters[k];
    if (!waiting) continue;
    delete waiting[consumer];
    if (Object.keys(waiting).length === 0) delete s.consumerFetchWaiters[k];
  }
  return req;
}

/** fetch.max.wait.ms passed with nothing to return: answer empty. */
export function handleConsumerFetchTimeout(ctx: Ctx, broker: BrokerId, consumer: string): void {
  if (!timerFired(ctx, joinKey("cfetch", ":", joinKey(broker, ">", consumer)))) return;
  const req = ctx.state.parkedConsumerFetches[joinKey(broker, ">", consumer)];
  if (!req) return;
  if (req.deadline > ctx.state.time) {
    armTimer(ctx, joinKey("cfetch", ":", joinKey(broker, ">", consumer)), req.deadline, {
      kind: "consumerFetchWait",
      broker,
      consumer,
    });
    return;
  }
  unpark(ctx, broker, consumer);
  handleConsumerFetch(ctx, broker, req);
}

/** The leader's high watermark moved: consumers long-polling on that partition answer now. */
export function wakeParkedConsumerFetches(
  ctx: Ctx,
  broker: BrokerId,
  topic: string,
  partition: number,
): void {
  const waiting = ctx.state.consumerFetchWaiters[waitKey(broker, topic, partition)];
  if (!waiting) return;
  for (const consumer of Object.keys(waiting)) {
    const req = unpark(ctx, broker, consumer);
    if (req) handleConsumerFetch(ctx, broker, req);
  }
}
