// Consumer lag as Kafka's tools show it: per partition, LOG-END-OFFSET (the HW, for the
// default read_uncommitted isolation) minus CURRENT-OFFSET (the committed offset); per group,
// the sum. Sampled once a second into a bounded series for charts.

import type { GroupState } from "./groupTypes.ts";
import type { PartitionState, SimState } from "./types.ts";

export const LAG_SAMPLE_MS = 1000;
/** Samples kept per group (ten minutes at one a second). */
export const LAG_SAMPLES_KEPT = 600;

export interface PartitionOffsets {
  topic: string;
  partition: number;
  /** null: the group has never committed this partition (Kafka's tools print "-"). */
  committed: number | null;
  logEndOffset: number;
  lag: number | null;
  /** The consumer that owns it in the current generation, or null. */
  owner: string | null;
  /** The owner's position (next offset it will read), or null. */
  position: number | null;
}

/** What the tools report as the partition's log end offset: the leader's HW (or the best replica's while it is offline). */
export function visibleEnd(p: PartitionState): number {
  const leader = p.replicaStates[String(p.leader)];
  if (leader) return leader.highWatermark;
  let hw = 0;
  for (const r of Object.values(p.replicaStates)) hw = Math.max(hw, r.highWatermark);
  return hw;
}

/** The topics the group covers: its members' subscriptions and whatever it has committed. */
function groupTopics(s: SimState, g: GroupState): string[] {
  const topics = new Set<string>();
  for (const m of Object.values(g.members)) for (const t of m.subscription) topics.add(t);
  for (const c of Object.values(s.consumers))
    if (c.groupId === g.groupId) for (const t of c.topics) topics.add(t);
  for (const pk in g.committed) topics.add(pk.slice(0, pk.lastIndexOf("-")));
  return [...topics].filter((t) => s.topics[t] !== undefined).sort();
}

export function groupOffsets(s: SimState, groupId: string): PartitionOffsets[] {
  const g = s.groups[groupId];
  if (!g) return [];
  const owners: Record<string, string> = {};
  for (const m of Object.values(g.members)) for (const pk of m.assignment) owners[pk] = m.consumer;
  const out: PartitionOffsets[] = [];
  for (const t of groupTopics(s, g))
    for (const p of s.topics[t]!.partitions) {
      const pk = `${t}-${p.partition}`;
      const committed = g.committed[pk] ?? null;
      const end = visibleEnd(p);
      const owner = owners[pk] ?? null;
      const position = owner !== null ? (s.consumers[owner]?.positions[pk] ?? null) : null;
      out.push({
        topic: t,
        partition: p.partition,
        committed,
        logEndOffset: end,
        lag: committed === null ? null : Math.max(0, end - committed),
        owner,
        position,
      });
    }
  return out;
}

/** The group's lag: the sum over its partitions with a committed offset. */
export function groupLag(s: SimState, groupId: string): number {
  return groupOffsets(s, groupId).reduce((n, o) => n + (o.lag ?? 0), 0);
}

export function sampleLag(s: SimState, g: GroupState): void {
  g.lastLagSampleAt = s.time;
  g.lag.push({ time: s.time, lag: groupLag(s, g.groupId) });
  if (g.lag.length > LAG_SAMPLES_KEPT) g.lag.splice(0, g.lag.length - LAG_SAMPLES_KEPT);
}
