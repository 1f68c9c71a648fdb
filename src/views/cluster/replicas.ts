// What a broker card draws, read from the engine state: pure functions, no Kafka rule beyond
// naming what the state already says (who leads, who is in the ISR, where HW and LEO are).

import type { PartitionState, ReplicaState, SimState } from "../../store/index.ts";

export type Role = "leader" | "in sync" | "out of sync" | "offline";

export interface TailRecord {
  offset: number;
  key: string | null;
}

export interface ReplicaView {
  /** `topic-partition`, as Kafka's tools write it. */
  name: string;
  topic: string;
  partition: number;
  role: Role;
  logStartOffset: number;
  highWatermark: number;
  logEndOffset: number;
  /** The last records of this replica's log, oldest first. */
  tail: TailRecord[];
}

/** Whether the picture draws a topic: internal ones (__consumer_offsets: 50 partitions) would bury the lesson's own. */
export const shownTopics = (state: SimState) =>
  Object.values(state.topics).filter((t) => !t.internal);

export function roleOf(state: SimState, p: PartitionState, brokerId: number): Role {
  if (state.brokers[String(brokerId)]?.status !== "online") return "offline";
  if (p.leader === brokerId) return "leader";
  return p.isr.includes(brokerId) ? "in sync" : "out of sync";
}

/** The last `n` records of a replica's log, walking back from its active segment. */
export function tailOf(r: ReplicaState, n: number): TailRecord[] {
  const out: TailRecord[] = [];
  for (let s = r.segments.length - 1; s >= 0 && out.length < n; s--) {
    const chunks = r.segments[s]!.chunks;
    for (let c = chunks.length - 1; c >= 0 && out.length < n; c--) {
      const records = chunks[c]!;
      for (let i = records.length - 1; i >= 0 && out.length < n; i--) {
        const rec = records[i]!;
        out.push({ offset: rec.offset, key: rec.key });
      }
    }
  }
  return out.reverse();
}

/** What one broker hosts, as the controller's metadata and the broker's own log say. */
export function replicasOn(state: SimState, brokerId: number, tailLength: number): ReplicaView[] {
  const out: ReplicaView[] = [];
  for (const t of shownTopics(state)) {
    for (const p of t.partitions) {
      const r = p.replicaStates[String(brokerId)];
      if (!r) continue;
      out.push({
        name: `${p.topic}-${p.partition}`,
        topic: p.topic,
        partition: p.partition,
        role: roleOf(state, p, brokerId),
        logStartOffset: r.logStartOffset,
        highWatermark: r.highWatermark,
        logEndOffset: r.logEndOffset,
        tail: tailOf(r, tailLength),
      });
    }
  }
  return out;
}

/**
 * A cheap fingerprint of what a broker card draws: roles, offsets and the newest record of
 * each replica. Computed every frame; the card rebuilds its rows only when it changes.
 */
export function cardSignature(state: SimState, brokerId: number): string {
  let sig = state.brokers[String(brokerId)]?.status ?? "";
  for (const t of shownTopics(state)) {
    for (const p of t.partitions) {
      const r = p.replicaStates[String(brokerId)];
      if (!r) continue;
      const chunks = r.segments[r.segments.length - 1]?.chunks;
      const last = chunks?.[chunks.length - 1];
      const newest = last && last.length > 0 ? last[last.length - 1]!.recordId : -1;
      sig += `|${p.leader === brokerId ? "L" : p.isr.includes(brokerId) ? "I" : "O"}${r.logStartOffset}/${r.highWatermark}/${r.logEndOffset}/${newest}`;
    }
  }
  return sig;
}

/** Shown when the picture would have too many replicas to draw each one's log. */
export interface BrokerLoad {
  id: number;
  leaders: number;
  inSync: number;
  outOfSync: number;
  offline: number;
}

export function brokerLoads(state: SimState): BrokerLoad[] {
  const loads: Record<string, BrokerLoad> = {};
  for (const b of Object.values(state.brokers))
    loads[String(b.id)] = { id: b.id, leaders: 0, inSync: 0, outOfSync: 0, offline: 0 };
  for (const t of shownTopics(state)) {
    for (const p of t.partitions) {
      for (const id of p.replicas) {
        const load = loads[String(id)];
        if (!load) continue;
        const role = roleOf(state, p, id);
        if (role === "leader") load.leaders++;
        else if (role === "in sync") load.inSync++;
        else if (role === "out of sync") load.outOfSync++;
        else load.offline++;
      }
    }
  }
  return Object.values(loads);
}

/** The compact level of detail starts here: past it, per-record cells and dots are noise. */
export const DETAIL_LIMITS = { brokers: 12, partitions: 60 } as const;

export function wantsCompact(state: SimState): boolean {
  if (Object.keys(state.brokers).length > DETAIL_LIMITS.brokers) return true;
  let n = 0;
  for (const t of shownTopics(state)) n += t.partitions.length;
  return n > DETAIL_LIMITS.partitions;
}
