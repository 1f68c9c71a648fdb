// fast-check generators for random small clusters and fault schedules, and the checker of the
// invariants every replica must hold at any moment (docs: kafka-semantics.md, "Invariants").

import fc from "fast-check";
import {
  readRecords,
  recordAt,
  type BrokerConfig,
  type Command,
  type ProducerSpec,
  type SimState,
  type SimulationSpec,
  type TopicSpec,
} from "../../src/engine/index.ts";

/** Short timeouts so that faults have consequences within a minute of virtual time. */
export const FAST_BROKER_CONFIG: Partial<BrokerConfig> = {
  brokerHeartbeatIntervalMs: 1000,
  brokerSessionTimeoutMs: 3000,
  replicaLagTimeMaxMs: 5000,
  controllerQuorumElectionTimeoutMs: 1000,
  leaderImbalanceCheckIntervalMs: 15_000,
  logRetentionCheckIntervalMs: 5000,
};

/** Faults happen before this time (by default); then everything is healed and restarted. */
export const FAULT_WINDOW_MS = 60_000;
/** Time left after the heal for elections, catch-up and retries to finish. */
export const SETTLE_MS = 20_000;
/** Where a run with the default fault window ends. */
export const HORIZON_MS = FAULT_WINDOW_MS + SETTLE_MS;

export interface ScenarioOptions {
  /** acks=all everywhere, min.insync.replicas >= 2, unclean election off (the durable setup). */
  durable?: boolean;
  /** Largest number of faults. */
  maxFaults?: number;
  /** Faults happen in [500, faultWindowMs]; the run should end at faultWindowMs + SETTLE_MS. */
  faultWindowMs?: number;
  /** Highest producer rate, records per second. */
  maxRate?: number;
}

const KEYS = ["a", "b", "c", "d", "e", "f"];

function topicArb(name: string, brokers: number, durable: boolean): fc.Arbitrary<TopicSpec> {
  const maxRf = Math.min(3, brokers);
  return fc
    .record({
      partitions: fc.integer({ min: 1, max: 6 }),
      rf: fc.integer({ min: durable ? 2 : 1, max: maxRf }),
      minIsrPick: fc.nat(2),
      unclean: durable ? fc.constant(false) : fc.boolean(),
      smallSegments: fc.boolean(),
      retention: fc.constantFrom("none", "time", "bytes", "compact"),
    })
    .map(({ partitions, rf, minIsrPick, unclean, smallSegments, retention }) => {
      const minIsr = durable ? 2 + (minIsrPick % (rf - 1)) : 1 + (minIsrPick % rf);
      return {
        name,
        partitions,
        replicationFactor: rf,
        config: {
          minInsyncReplicas: minIsr,
          uncleanLeaderElectionEnable: unclean,
          ...(smallSegments ? { segmentBytes: 1500 } : {}),
          ...(retention === "time" ? { retentionMs: 20_000 } : {}),
          ...(retention === "bytes" ? { retentionBytes: 4000 } : {}),
          // Compacted: small segments so that the cleaner has closed ones to clean.
          ...(retention === "compact"
            ? { cleanupPolicy: "compact" as const, segmentBytes: 1500, deleteRetentionMs: 5000 }
            : {}),
        },
      };
    });
}

function producerArb(
  id: string,
  topic: string,
  durable: boolean,
  maxRate: number,
): fc.Arbitrary<ProducerSpec> {
  return fc
    .record({
      rate: fc.integer({ min: 2, max: maxRate }),
      keyed: fc.boolean(),
      acks: durable ? fc.constant<"all">("all") : fc.constantFrom<0 | 1 | "all">(0, 1, "all"),
      idempotent: fc.boolean(),
      lingerMs: fc.constantFrom(0, 5, 20),
      requestTimeoutMs: fc.constantFrom(1500, 5000),
      maxInFlight: fc.constantFrom(1, 2, 5),
    })
    .map(({ rate, keyed, acks, idempotent, lingerMs, requestTimeoutMs, maxInFlight }) => ({
      id,
      topic,
      ratePerSec: rate,
      keys: keyed ? KEYS : null,
      config: {
        acks,
        enableIdempotence: acks === "all" && idempotent,
        lingerMs,
        requestTimeoutMs,
        deliveryTimeoutMs: 20_000,
        maxInFlightRequestsPerConnection: maxInFlight,
      },
    }));
}

function faultArb(
  brokers: number,
  windowMs: number,
): fc.Arbitrary<{ at: number; command: Command }> {
  const broker = fc.integer({ min: 1, max: brokers });
  const command: fc.Arbitrary<Command> = fc.oneof(
    broker.map((b): Command => ({ type: "killBroker", broker: b })),
    broker.map((b): Command => ({ type: "restartBroker", broker: b })),
    broker.map((b): Command => ({ type: "shutdownBroker", broker: b })),
    broker.map((b): Command => ({ type: "isolateBroker", broker: b })),
    broker.map((b): Command => ({ type: "healBroker", broker: b })),
    fc
      .tuple(broker, fc.constantFrom(0, 1000, 3000, 8000))
      .map(([b, delayMs]): Command => ({ type: "slowBroker", broker: b, delayMs })),
    fc.constant<Command>({ type: "electPreferredLeaders" }),
  );
  return fc.record({ at: fc.integer({ min: 500, max: windowMs }), command });
}

/** Heal, restart and speed up every broker once the fault window is over. */
function recovery(brokers: number, windowMs: number): { at: number; command: Command }[] {
  const at = windowMs + 1000;
  const out: { at: number; command: Command }[] = [];
  for (let b = 1; b <= brokers; b++) {
    out.push({ at, command: { type: "healBroker", broker: b } });
    out.push({ at, command: { type: "restartBroker", broker: b } });
    out.push({ at, command: { type: "slowBroker", broker: b, delayMs: 0 } });
  }
  return out;
}

export function scenarioArb(options: ScenarioOptions = {}): fc.Arbitrary<SimulationSpec> {
  const durable = options.durable ?? false;
  const windowMs = options.faultWindowMs ?? FAULT_WINDOW_MS;
  const maxRate = options.maxRate ?? 40;
  return fc.integer({ min: 3, max: 5 }).chain((brokers) =>
    fc
      .record({
        seed: fc.nat(),
        topics: fc
          .integer({ min: 1, max: 2 })
          .chain((n) =>
            fc.tuple(...Array.from({ length: n }, (_, i) => topicArb(`t${i}`, brokers, durable))),
          ),
        producersPerTopic: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 2, maxLength: 2 }),
        faults: fc.array(faultArb(brokers, windowMs), { maxLength: options.maxFaults ?? 10 }),
      })
      .chain(({ seed, topics, producersPerTopic, faults }) => {
        const producerArbs = topics.flatMap((t, i) =>
          Array.from({ length: producersPerTopic[i]! }, (_, j) =>
            producerArb(`p${i}${j}`, t.name, durable, maxRate),
          ),
        );
        return fc.tuple(...producerArbs).map((producers): SimulationSpec => ({
          name: "property",
          seed,
          brokers: Array.from({ length: brokers }, (_, i) => ({ id: i + 1 })),
          config: FAST_BROKER_CONFIG,
          topics,
          producers,
          timeline: [...faults].sort((a, b) => a.at - b.at).concat(recovery(brokers, windowMs)),
        }));
      }),
  );
}

/** State carried between checks: what each leader epoch's HW was, what was committed where. */
export interface InvariantMemory {
  leaderHw: Record<string, number>;
  /** `topic-partition` -> offset -> recordId of every committed record seen so far. */
  committed: Record<string, Map<number, number>>;
  /** `topic-partition` -> the leader epoch whose log was last verified, and how far it was read. */
  verified: Record<string, { epoch: number; upTo: number }>;
}

export function newInvariantMemory(): InvariantMemory {
  return { leaderHw: {}, committed: {}, verified: {} };
}

const ALL = Number.MAX_SAFE_INTEGER;

/**
 * Checks, for every partition, at this moment:
 *  - every replica's offsets strictly increase (never repeat) and lie in [logStartOffset, LEO);
 *  - logStartOffset <= HW <= LEO on every replica;
 *  - a leader's HW never decreases while it leads in the same epoch;
 *  - every ISR member agrees with the leader on each record below min(its HW, leader's HW).
 *    That is what Kafka guarantees: a follower joins the ISR only after truncating to the
 *    leader's log and catching up to its HW, and learns its own HW from the leader, so the
 *    prefix both claim as committed is the same. Followers out of the ISR, zombie leaders and
 *    a leader that has not yet learned it leads are not covered: they may still diverge.
 *  - with `checkCommitted`: a record once committed (below the legitimate leader's HW) is at
 *    the same offset in every later leader's log, unless retention or compaction removed it:
 *    offsets are never reused. Kafka promises this unless an unclean election happens.
 * Returns a description of the first violation, or null.
 */
export function checkInvariants(
  state: SimState,
  memory: InvariantMemory,
  checkCommitted: boolean,
  final = false,
): string | null {
  for (const topic of Object.values(state.topics)) {
    const compacted = topic.config.cleanupPolicy !== "delete";
    for (const p of topic.partitions) {
      const tp = `${p.topic}-${p.partition}`;
      for (const r of Object.values(p.replicaStates)) {
        const where = `${tp} on broker ${r.brokerId} at ${state.time}`;
        if (!(r.logStartOffset <= r.highWatermark && r.highWatermark <= r.logEndOffset))
          return `${where}: logStart ${r.logStartOffset}, HW ${r.highWatermark}, LEO ${r.logEndOffset}`;
        let previous = -1;
        for (const seg of r.segments)
          for (const rec of seg.chunks.flat()) {
            if (rec.offset <= previous) return `${where}: offset ${rec.offset} after ${previous}`;
            if (rec.offset < r.logStartOffset || rec.offset >= r.logEndOffset)
              return `${where}: offset ${rec.offset} outside [${r.logStartOffset}, ${r.logEndOffset})`;
            previous = rec.offset;
          }
        if (r.role === "leader") {
          const key = `${tp}@${r.brokerId}:${r.knownLeaderEpoch}`;
          const before = memory.leaderHw[key] ?? -1;
          if (r.highWatermark < before)
            return `${where}: leader HW went back from ${before} to ${r.highWatermark} in epoch ${r.knownLeaderEpoch}`;
          memory.leaderHw[key] = r.highWatermark;
        }
      }
      if (p.leader < 0) continue;
      const leader = p.replicaStates[String(p.leader)]!;
      // The controller's leader, once it knows it leads this epoch (not a zombie, not stale).
      if (leader.role !== "leader" || leader.knownLeaderEpoch !== p.leaderEpoch) continue;
      for (const id of p.isr) {
        if (id === p.leader) continue;
        const r = p.replicaStates[String(id)]!;
        const end = Math.min(r.highWatermark, leader.highWatermark);
        const start = Math.max(r.logStartOffset, leader.logStartOffset);
        const mine = readRecords(r, start, end, ALL);
        const theirs = new Map(
          readRecords(leader, start, end, ALL).map((x) => [x.offset, x.recordId]),
        );
        for (const x of mine) {
          const other = theirs.get(x.offset);
          // Compaction runs per replica: one may have dropped an older version the other kept.
          if (other === undefined && compacted) continue;
          if (other !== x.recordId)
            return `${tp} at ${state.time}: ISR member ${id} has record ${x.recordId} at offset ${x.offset} below ${end}, leader ${p.leader} has ${other ?? "nothing"}`;
        }
        if (!compacted && theirs.size !== mine.length)
          return `${tp} at ${state.time}: ISR member ${id} has ${mine.length} records in [${start}, ${end}), leader ${p.leader} has ${theirs.size}`;
      }
      if (!checkCommitted) continue;
      const seen = (memory.committed[tp] ??= new Map());
      const verified = memory.verified[tp];
      if (final || !verified || verified.epoch !== p.leaderEpoch) {
        // A new leader (or the end of the run): everything committed before must be in its log.
        for (const [offset, recordId] of seen) {
          if (offset < leader.logStartOffset) {
            seen.delete(offset);
            continue;
          }
          if (offset >= leader.logEndOffset) {
            if (final)
              return `${tp}: committed offset ${offset} (record ${recordId}) is beyond the log end ${leader.logEndOffset} of leader ${p.leader}`;
            continue;
          }
          const now = recordAt(leader, offset);
          if (now === undefined && compacted) continue;
          if (now?.recordId !== recordId)
            return `${tp} at ${state.time}: committed offset ${offset} held record ${recordId}, leader ${p.leader} (epoch ${p.leaderEpoch}) now has ${now?.recordId ?? "nothing"}`;
        }
      }
      const from = verified?.epoch === p.leaderEpoch ? verified.upTo : leader.logStartOffset;
      for (const x of readRecords(
        leader,
        Math.max(from, leader.logStartOffset),
        leader.highWatermark,
        ALL,
      )) {
        const before = seen.get(x.offset);
        if (before !== undefined && before !== x.recordId)
          return `${tp} at ${state.time}: committed offset ${x.offset} held record ${before}, leader ${p.leader} (epoch ${p.leaderEpoch}) now has ${x.recordId}`;
        seen.set(x.offset, x.recordId);
      }
      memory.verified[tp] = { epoch: p.leaderEpoch, upTo: Math.max(from, leader.highWatermark) };
    }
  }
  return null;
}

/**
 * Liveness once every broker is restarted, healed and fast again, and given time: a controller
 * is active, every partition has a leader that knows it leads, every replica follows it in the
 * current epoch, and every replica is back in the ISR. Returns the first problem, or null.
 */
export function checkRecovered(state: SimState): string | null {
  if (state.controller.active < 0) return "no active controller";
  for (const topic of Object.values(state.topics))
    for (const p of topic.partitions) {
      const tp = `${p.topic}-${p.partition}`;
      if (p.leader < 0) return `${tp} has no leader`;
      for (const id of p.replicas) {
        const r = p.replicaStates[String(id)]!;
        const expected = id === p.leader ? "leader" : "follower";
        if (
          r.role !== expected ||
          r.knownLeader !== p.leader ||
          r.knownLeaderEpoch !== p.leaderEpoch
        )
          return `${tp}: broker ${id} is ${r.role} of ${r.knownLeader} in epoch ${r.knownLeaderEpoch}, the controller says ${p.leader} in epoch ${p.leaderEpoch}`;
      }
      const isr = [...p.isr].sort((a, b) => a - b).join();
      const all = [...p.replicas].sort((a, b) => a - b).join();
      if (isr !== all) return `${tp}: ISR [${isr}] after recovery, replicas [${all}]`;
    }
  return null;
}
