// What a producer holds right now, for a student watching it: the record accumulator's batches
// per partition with why each waits, and the produce requests in flight per broker. It reads
// the state and changes nothing (no metadata refresh, no draw from the PRNG): the reasons follow
// the Sender's rules in producer.ts (drainRound, leaderFor) without running them.

import { reachable } from "./context.ts";
import { brokerParty, producerParty } from "./messages.ts";
import { isDue } from "./producer.ts";
import type { BrokerId, PendingBatch, ProducerState, SimState, VirtualMs } from "./types.ts";

/** Why the first waiting batch of a partition has not gone yet. */
export type BatchWait =
  /** Not full, nothing behind it: it may wait for more records until linger.ms has passed. */
  | { kind: "lingering"; until: VirtualMs }
  /**
   * Full, lingered, or due for its retry: it goes at the next drain. `inFlightLimit` when its
   * leader's connection already has max.in.flight.requests.per.connection requests out.
   */
  | { kind: "ready"; inFlightLimit: boolean }
  /** Failed with a retriable error: waits retry.backoff.ms (KIP-580) before it is sent again. */
  | { kind: "retrying"; at: VirtualMs }
  /**
   * No leader the producer can connect to: none elected, or the known one is unreachable
   * (`unreachable`, e.g. crashed and not yet fenced). It waits until delivery.timeout.ms.
   */
  | { kind: "noLeader"; unreachable: BrokerId | null }
  /**
   * Held back for ordering while a batch of the same partition is in flight: with
   * max.in.flight.requests.per.connection=1, or while an idempotent partition waits to restart
   * its sequence numbers after an epoch bump (KIP-360).
   */
  | { kind: "inOrder"; why: "maxInFlightOne" | "sequenceReset" };

/** The batches of one partition waiting in the accumulator (none of them in flight). */
export interface WaitingPartition {
  topic: string;
  partition: number;
  batches: number;
  records: number;
  /** The attempt the first batch makes when it goes (1: never sent yet). */
  attempt: number;
  /**
   * The leader it would go to now (-1: none reachable, or not looked up while it waits for its
   * retry or for ordering).
   */
  leader: BrokerId;
  wait: BatchWait;
}

/** Produce requests out on the connection to one broker, awaiting their answer. */
export interface BrokerRequests {
  broker: BrokerId;
  requests: number;
  /** max.in.flight.requests.per.connection */
  max: number;
  batches: number;
  records: number;
  /** When the oldest of these requests was sent. */
  oldestSentAt: VirtualMs;
}

export interface ProducerQueue {
  producer: string;
  time: VirtualMs;
  waitingRecords: number;
  waitingBatches: number;
  /** By partition number. */
  partitions: WaitingPartition[];
  /** By broker id; only brokers with requests in flight. */
  inFlight: BrokerRequests[];
}

/** The producer's accumulator and requests in flight, or null if there is no such producer. */
export function describeProducerQueue(state: SimState, producerId: string): ProducerQueue | null {
  const pr = state.producers[producerId];
  if (!pr) return null;
  const heads: PendingBatch[] = [];
  const counts: { batches: number; records: number }[] = [];
  const closed: boolean[] = [];
  let waitingRecords = 0;
  let waitingBatches = 0;
  for (const b of pr.batches) {
    if (b.inFlight) continue;
    waitingRecords += b.records.length;
    waitingBatches++;
    const i = heads.findIndex((h) => h.partition === b.partition);
    if (i >= 0) {
      // A batch behind the first one closes it (full, in Kafka's terms).
      counts[i]!.batches++;
      counts[i]!.records += b.records.length;
      closed[i] = true;
      continue;
    }
    heads.push(b);
    counts.push({ batches: 1, records: b.records.length });
    closed.push(false);
  }
  const inFlight = requestsInFlight(pr);
  const partitions = heads.map((b, i): WaitingPartition => {
    const { wait, leader } = waitOf(state, pr, b, closed[i]!, inFlight);
    return {
      topic: b.topic,
      partition: b.partition,
      batches: counts[i]!.batches,
      records: counts[i]!.records,
      attempt: b.attempts + 1,
      leader,
      wait,
    };
  });
  partitions.sort((a, b) => a.partition - b.partition);
  return {
    producer: pr.id,
    time: state.time,
    waitingRecords,
    waitingBatches,
    partitions,
    inFlight,
  };
}

/** drainRound's reasons, in its order, for a partition's first waiting batch. */
function waitOf(
  s: SimState,
  pr: ProducerState,
  b: PendingBatch,
  closed: boolean,
  inFlight: readonly BrokerRequests[],
): { wait: BatchWait; leader: BrokerId } {
  if (b.attempts > 0 && s.time < b.retryAt)
    return { wait: { kind: "retrying", at: b.retryAt }, leader: -1 };
  const resetting = pr.producerId >= 0 && pr.sequenceEpochs[b.partition] === -1;
  if ((pr.config.maxInFlightRequestsPerConnection === 1 || resetting) && ownInFlight(pr, b))
    return {
      wait: { kind: "inOrder", why: resetting ? "sequenceReset" : "maxInFlightOne" },
      leader: -1,
    };
  const leader = reachableLeader(s, pr, b.partition);
  if (leader.id < 0)
    return { wait: { kind: "noLeader", unreachable: leader.unreachable }, leader: -1 };
  const due = b.createdAt + pr.config.lingerMs;
  const ready = closed || isDue(pr, b, s.time);
  if (!ready) return { wait: { kind: "lingering", until: due }, leader: leader.id };
  const out = inFlight.find((r) => r.broker === leader.id);
  const limit = out !== undefined && out.requests >= pr.config.maxInFlightRequestsPerConnection;
  return { wait: { kind: "ready", inFlightLimit: limit }, leader: leader.id };
}

function ownInFlight(pr: ProducerState, head: PendingBatch): boolean {
  return pr.batches.some((b) => b.inFlight && b.partition === head.partition);
}

/**
 * leaderFor without its side effect: the cached leader if the producer can reach it, else the
 * one a metadata refresh would give, if reachable.
 */
function reachableLeader(
  s: SimState,
  pr: ProducerState,
  partition: number,
): { id: BrokerId; unreachable: BrokerId | null } {
  const current = s.topics[pr.topic]?.partitions[partition]?.leader ?? -1;
  const cached = pr.leaderCache[partition] ?? -1;
  const from = producerParty(pr.id);
  let leader = cached >= 0 ? cached : current;
  if (leader >= 0 && !reachable(s, from, brokerParty(leader))) leader = current;
  if (leader < 0) return { id: -1, unreachable: null };
  if (!reachable(s, from, brokerParty(leader))) return { id: -1, unreachable: leader };
  return { id: leader, unreachable: null };
}

function requestsInFlight(pr: ProducerState): BrokerRequests[] {
  const byBroker: BrokerRequests[] = [];
  const seen: { broker: BrokerId; requestId: number }[] = [];
  for (const b of pr.batches) {
    if (!b.inFlight) continue;
    let row = byBroker.find((r) => r.broker === b.node);
    if (!row) {
      row = {
        broker: b.node,
        requests: 0,
        max: pr.config.maxInFlightRequestsPerConnection,
        batches: 0,
        records: 0,
        oldestSentAt: b.sentAt,
      };
      byBroker.push(row);
    }
    row.batches++;
    row.records += b.records.length;
    row.oldestSentAt = Math.min(row.oldestSentAt, b.sentAt);
    if (!seen.some((r) => r.broker === b.node && r.requestId === b.requestId)) {
      row.requests++;
      seen.push({ broker: b.node, requestId: b.requestId });
    }
  }
  byBroker.sort((a, b) => a.broker - b.broker);
  return byBroker;
}
