// What the overlay draws besides messages in flight, read from the run's trace: the hops that
// just completed (a short glow on their path) and the moments a student must not miss (an
// election, an ISR shrink, a truncation, a loss). Pure: events and virtual time in, items out,
// so a pause freezes them and a seek recomputes them exactly.

import type { SimEvent, SimState, Transfer } from "../../store/index.ts";

export type HopKind = Transfer["kind"];

export interface Hop {
  kind: HopKind;
  from: string;
  to: string;
  /** Virtual time the hop completed. */
  at: number;
}

export type EffectKind = "election" | "isrShrink" | "truncation" | "lost" | "offline";

export interface Effect {
  kind: EffectKind;
  at: number;
  /** The replica anchor the effect happens at. */
  anchor: string;
  /** Elections: where the leadership comes from. */
  from?: string;
  label: string;
}

export const replicaAnchor = (topic: string, partition: number, broker: number): string =>
  `replica:${topic}-${partition}@${broker}`;

/** A party of a transfer (`broker:2`, `producer:p`) as the anchor that draws it best. */
export function partyAnchor(
  party: string,
  topic: string,
  partition: number,
  has: (anchor: string) => boolean,
): string {
  if (party.startsWith("broker:")) {
    const replica = replicaAnchor(topic, partition, Number(party.slice("broker:".length)));
    if (has(replica)) return replica;
  }
  return party;
}

function leaderAnchor(state: SimState, topic: string, partition: number): string | null {
  const p = state.topics[topic]?.partitions[partition];
  if (!p) return null;
  const broker = p.leader >= 0 ? p.leader : p.replicas[0];
  return broker === undefined ? null : replicaAnchor(topic, partition, broker);
}

/** `orders-12` back into its topic and partition (topic names may contain dashes). */
function splitPartition(name: string): { topic: string; partition: number } {
  const dash = name.lastIndexOf("-");
  return { topic: name.slice(0, dash), partition: Number(name.slice(dash + 1)) };
}

/** Hops completed in (now - windowMs, now], newest first. */
export function recentHops(
  events: readonly SimEvent[],
  state: SimState,
  now: number,
  windowMs: number,
  limit = 400,
): Hop[] {
  const out: Hop[] = [];
  for (let i = events.length - 1; i >= 0 && out.length < limit; i--) {
    const e = events[i]!;
    if (e.time > now) continue;
    if (e.time <= now - windowMs) break;
    switch (e.type) {
      case "batchAppended":
        out.push({
          kind: "produce",
          from: `producer:${e.producer}`,
          to: replicaAnchor(e.topic, e.partition, e.broker),
          at: e.time,
        });
        break;
      case "replicaFetched":
        if (e.count > 0)
          out.push({
            kind: "replicate",
            from: replicaAnchor(e.topic, e.partition, e.leader),
            to: replicaAnchor(e.topic, e.partition, e.follower),
            at: e.time,
          });
        break;
      case "produceAcknowledged": {
        const from = leaderAnchor(state, e.topic, e.partition);
        if (from) out.push({ kind: "ack", from, to: `producer:${e.producer}`, at: e.time });
        break;
      }
      case "recordsConsumed": {
        const { topic, partition } = splitPartition(e.partition);
        const from = leaderAnchor(state, topic, partition);
        if (from) out.push({ kind: "consume", from, to: `consumer:${e.consumer}`, at: e.time });
        break;
      }
      default:
        break;
    }
  }
  return out;
}

/** The moments worth an animation in (now - windowMs, now], oldest first. */
export function recentEffects(
  events: readonly SimEvent[],
  state: SimState,
  now: number,
  windowMs: number,
): Effect[] {
  const out: Effect[] = [];
  for (let i = events.length - 1; i >= 0 && out.length < 60; i--) {
    const e = events[i]!;
    if (e.time > now) continue;
    if (e.time <= now - windowMs) break;
    // Internal topics (__consumer_offsets) are not in the picture: their moments would land,
    // unexplained, on whole brokers.
    if ("topic" in e && state.topics[e.topic]?.internal) continue;
    switch (e.type) {
      case "leaderElected":
        out.push({
          kind: "election",
          at: e.time,
          anchor: replicaAnchor(e.topic, e.partition, e.leader),
          ...(e.previousLeader >= 0 && e.previousLeader !== e.leader
            ? { from: replicaAnchor(e.topic, e.partition, e.previousLeader) }
            : {}),
          label: "elected",
        });
        break;
      case "isrShrunk":
        for (const b of e.removed)
          out.push({
            kind: "isrShrink",
            at: e.time,
            anchor: replicaAnchor(e.topic, e.partition, b),
            label: "left ISR",
          });
        break;
      case "recordsTruncated":
        out.push({
          kind: "truncation",
          at: e.time,
          anchor: replicaAnchor(e.topic, e.partition, e.broker),
          label: `✂ ${e.count} truncated`,
        });
        break;
      case "recordsLost": {
        const anchor = leaderAnchor(state, e.topic, e.partition);
        if (anchor) out.push({ kind: "lost", at: e.time, anchor, label: `✕ ${e.count} lost` });
        break;
      }
      case "partitionOffline":
        for (const b of e.isr.length > 0 ? e.isr : [e.previousLeader])
          if (b >= 0)
            out.push({
              kind: "offline",
              at: e.time,
              anchor: replicaAnchor(e.topic, e.partition, b),
              label: "no leader",
            });
        break;
      default:
        break;
    }
  }
  return out.reverse();
}

/** Records per second over the last `windowMs`, per producer, per consumer group, per leader broker. */
export interface Throughput {
  producers: Record<string, number>;
  consumers: Record<string, number>;
  brokers: Record<string, number>;
}
