// A fast checkpoint copy of the state. Records, messages in flight, transfers and ledger
// entries are never changed once created, so the copy shares them; everything the engine
// mutates is copied. Written field by field so that a new field fails to type-check here.

import type { AuditState } from "./auditTypes.ts";
import type { ConsumerState, GroupState } from "./groupTypes.ts";
import { copyChunked } from "./chunks.ts";
import { ownSegment } from "./log.ts";
import type {
  BrokerState,
  PartitionState,
  ProducerState,
  ReplicaState,
  SimState,
  TopicState,
} from "./types.ts";

function mapValues<T>(obj: Record<string, T>, f: (v: T) => T): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k in obj) out[k] = f(obj[k]!);
  return out;
}

function cloneReplica(r: ReplicaState): ReplicaState {
  return {
    ...r,
    // Closed segments and full chunks are never mutated (log.ts): only the active segment's
    // chunk list and its last, open chunk are copied.
    segments: r.segments.map((seg, i) => (i === r.segments.length - 1 ? ownSegment(seg) : seg)),
    epochs: r.epochs.map((e) => ({ ...e })),
    followers: mapValues(r.followers, (f) => ({ ...f })),
    knownIsr: r.knownIsr.slice(),
    pendingIsr: r.pendingIsr ? r.pendingIsr.slice() : null,
    producers: mapValues(r.producers, (list) => list.map((b) => ({ ...b }))),
  };
}

function clonePartition(p: PartitionState): PartitionState {
  return {
    ...p,
    replicas: p.replicas.slice(),
    isr: p.isr.slice(),
    replicaStates: mapValues(p.replicaStates, cloneReplica),
  };
}

function cloneTopic(t: TopicState): TopicState {
  return { ...t, config: { ...t.config }, partitions: t.partitions.map(clonePartition) };
}

function cloneBroker(b: BrokerState): BrokerState {
  // The followed lists are replaced, never changed in place: sharing them is safe.
  return {
    ...b,
    fetching: { ...b.fetching },
    hosted: b.hosted.slice(),
    followed: b.followed ? { ...b.followed } : null,
  };
}

function cloneProducer(p: ProducerState): ProducerState {
  return {
    ...p,
    config: { ...p.config },
    nextSequence: { ...p.nextSequence },
    sequenceEpochs: { ...p.sequenceEpochs },
    batches: p.batches.map((b) => ({ ...b, records: b.records.slice() })),
    leaderCache: { ...p.leaderCache },
    sticky: { ...p.sticky },
    errors: { ...p.errors },
  };
}

function cloneAudit(a: AuditState): AuditState {
  return {
    acknowledged: a.acknowledged,
    retired: a.retired,
    ledgers: mapValues(a.ledgers, (l) => ({
      entries: copyChunked(l.entries),
      recent: mapValues(l.recent, (list) => list.slice()),
      verified: l.verified,
    })),
    lost: a.lost.slice(),
    duplicates: a.duplicates.slice(),
    orderViolations: a.orderViolations.slice(),
  };
}

function cloneGroup(g: GroupState): GroupState {
  return {
    ...g,
    members: mapValues(g.members, (m) => ({
      ...m,
      subscription: m.subscription.slice(),
      strategies: m.strategies.slice(),
      owned: m.owned.slice(),
      assignment: m.assignment.slice(),
    })),
    memberOrder: g.memberOrder.slice(),
    committed: { ...g.committed },
    // Pending commits and lag samples are never changed once created: the list is copied.
    pendingCommits: g.pendingCommits.slice(),
    pendingAssignment: g.pendingAssignment ? { ...g.pendingAssignment } : null,
    lag: g.lag.slice(),
    deliveredUpTo: { ...g.deliveredUpTo },
    redeliveryCause: { ...g.redeliveryCause },
    redelivered: { count: g.redelivered.count, examples: g.redelivered.examples.slice() },
  };
}

function cloneConsumer(c: ConsumerState): ConsumerState {
  return {
    ...c,
    topics: c.topics.slice(),
    config: { ...c.config },
    assignment: c.assignment.slice(),
    positions: { ...c.positions },
    errors: { ...c.errors },
    // Fetched partitions are immutable once received.
    inbox: c.inbox.slice(),
  };
}

export function cloneState(s: SimState): SimState {
  return {
    version: s.version,
    name: s.name,
    seed: s.seed,
    time: s.time,
    seq: s.seq,
    queue: s.queue.slice(),
    rng: { ...s.rng },
    config: { ...s.config },
    brokers: mapValues(s.brokers, cloneBroker),
    controller: { ...s.controller, voters: s.controller.voters.slice() },
    topics: mapValues(s.topics, cloneTopic),
    producers: mapValues(s.producers, cloneProducer),
    transfers: s.transfers.slice(),
    parkedFetches: { ...s.parkedFetches },
    // A waiting request's batches get their answers one by one: each is copied.
    parkedProduces: s.parkedProduces.map((pp) => ({
      ...pp,
      parts: pp.parts.map((part) => ({ ...part })),
    })),
    links: mapValues(s.links, (l) => ({ ...l })),
    timers: { ...s.timers },
    nextId: s.nextId,
    nextProducerId: s.nextProducerId,
    audit: cloneAudit(s.audit),
    groups: mapValues(s.groups, cloneGroup),
    consumers: mapValues(s.consumers, cloneConsumer),
    // The parked requests themselves are never changed: copy the indexes only.
    parkedConsumerFetches: { ...s.parkedConsumerFetches },
    consumerFetchWaiters: mapValues(s.consumerFetchWaiters, (waiting) => ({ ...waiting })),
    commandLog: s.commandLog.slice(),
  };
}
