// The charts' lines, built from the metrics samples: rates from cumulative counters, lag per
// group or partition, replication health. Pure functions of the samples (and of `now` for the
// text summaries), so a chart after a seek is the chart of a straight run.

import type { MetricsSample } from "../../store/index.ts";

const NATURAL = new Intl.Collator("en", { numeric: true });

export type Point = readonly [time: number, value: number];

export interface Series {
  id: string;
  label: string;
  points: Point[];
  /** Colour and dash slot (charts.css --line-series-N). */
  slot: number;
}

/** Index of the last sample at or before `t` (-1 if none). */
export function sampleIndexAt(samples: readonly MetricsSample[], t: number): number {
  let lo = 0;
  let hi = samples.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (samples[mid]!.time <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * Rates are averaged over this many samples (5 s), like a client's windowed rate metrics: a
 * consumer that processes a poll's batch every 1.25 s would otherwise draw a saw-tooth.
 */
export const RATE_WINDOW = 5;

/** Per second, from a cumulative counter: the change over the last RATE_WINDOW samples. */
function rate(
  samples: readonly MetricsSample[],
  from: number,
  value: (s: MetricsSample) => number,
): Point[] {
  const out: Point[] = [];
  for (let i = Math.max(1, from); i < samples.length; i++) {
    const a = samples[Math.max(0, i - RATE_WINDOW)]!;
    const b = samples[i]!;
    const dt = b.time - a.time;
    if (dt > 0) out.push([b.time, Math.max(0, ((value(b) - value(a)) * 1000) / dt)]);
  }
  return out;
}

function level(
  samples: readonly MetricsSample[],
  from: number,
  value: (s: MetricsSample) => number | null | undefined,
): Point[] {
  const out: Point[] = [];
  for (let i = from; i < samples.length; i++) {
    const v = value(samples[i]!);
    if (v !== null && v !== undefined) out.push([samples[i]!.time, v]);
  }
  return out;
}

/** Groups (or topics) named in any sample of the range, in a stable order. */
function namesIn(
  samples: readonly MetricsSample[],
  from: number,
  pick: (s: MetricsSample) => Record<string, unknown>,
): string[] {
  const names = new Set<string>();
  for (let i = from; i < samples.length; i++) for (const k in pick(samples[i]!)) names.add(k);
  return [...names].sort(NATURAL.compare);
}

export function throughputSeries(samples: readonly MetricsSample[], from: number): Series[] {
  const out: Series[] = [
    { id: "sent", label: "sent", points: rate(samples, from, (s) => s.sent), slot: 0 },
    {
      id: "acknowledged",
      label: "acknowledged",
      points: rate(samples, from, (s) => s.acknowledged),
      slot: 1,
    },
  ];
  namesIn(samples, from, (s) => s.consumed).forEach((g, i) =>
    out.push({
      id: `consumed-${g}`,
      label: `consumed by ${g}`,
      points: rate(samples, from, (s) => s.consumed[g] ?? 0),
      slot: 2 + i,
    }),
  );
  const failed = rate(samples, from, (s) => s.failed);
  if (failed.some((p) => p[1] > 0))
    out.push({ id: "failed", label: "failed", points: failed, slot: 7 });
  return out;
}

export function lagSeries(
  samples: readonly MetricsSample[],
  from: number,
  partitionsOf: string | null,
): Series[] {
  if (partitionsOf !== null)
    return namesIn(samples, from, (s) => s.partitionLag[partitionsOf] ?? {}).map((pk, i) => ({
      id: pk,
      label: pk,
      points: level(samples, from, (s) => s.partitionLag[partitionsOf]?.[pk]),
      slot: i,
    }));
  return namesIn(samples, from, (s) => s.lag).map((g, i) => ({
    id: g,
    label: `group ${g}`,
    points: level(samples, from, (s) => s.lag[g]),
    slot: i,
  }));
}

export function replicationSeries(samples: readonly MetricsSample[], from: number): Series[] {
  return [
    {
      id: "under-replicated",
      label: "under-replicated",
      points: level(samples, from, (s) => s.underReplicated),
      slot: 4,
    },
    { id: "offline", label: "offline", points: level(samples, from, (s) => s.offline), slot: 1 },
  ];
}

export function isrSeries(samples: readonly MetricsSample[], from: number): Series[] {
  return namesIn(samples, from, (s) => s.isr).map((t, i) => {
    const last = samples[samples.length - 1];
    return {
      id: t,
      label: `${t} (of ${last?.replicas[t] ?? "?"} replicas)`,
      points: level(samples, from, (s) => s.isr[t]),
      slot: i,
    };
  });
}

const NUMBER = new Intl.NumberFormat("en", { maximumFractionDigits: 0 });
const fmt = (n: number): string => NUMBER.format(Math.round(n));

function trend(samples: readonly MetricsSample[], i: number, value: (s: MetricsSample) => number) {
  const now = value(samples[i]!);
  const before = samples[Math.max(0, i - 5)];
  if (!before || i === 0) return "steady";
  const then = value(before);
  const change = now - then;
  if (Math.abs(change) <= Math.max(2, then * 0.05)) return "steady";
  return change > 0 ? "rising" : "falling";
}

export function throughputSummary(samples: readonly MetricsSample[], now: number): string {
  const i = sampleIndexAt(samples, now);
  if (i < 1) return "No traffic measured yet: press Play.";
  const a = samples[Math.max(0, i - RATE_WINDOW)]!;
  const b = samples[i]!;
  const per = (x: number, y: number): number => ((y - x) * 1000) / (b.time - a.time);
  const groups = Object.keys(b.consumed).sort();
  const consumed = groups
    .map((g) => `group ${g} consumes ${fmt(per(a.consumed[g] ?? 0, b.consumed[g]!))}/s`)
    .join(", ");
  const failed = per(a.failed, b.failed);
  return (
    `Producers send ${fmt(per(a.sent, b.sent))} records/s, ` +
    `${fmt(per(a.acknowledged, b.acknowledged))} acknowledged/s` +
    (failed > 0 ? `, ${fmt(failed)} failed/s` : "") +
    (consumed ? `; ${consumed}.` : ".")
  );
}

export function lagSummary(
  samples: readonly MetricsSample[],
  now: number,
  partitionsOf: string | null,
): string {
  const i = sampleIndexAt(samples, now);
  const s = samples[i];
  if (!s) return "No lag measured yet.";
  if (partitionsOf !== null) {
    const per = Object.entries(s.partitionLag[partitionsOf] ?? {});
    const top = per.reduce<[string, number] | null>(
      (best, [pk, lag]) => (lag !== null && (best === null || lag > best[1]) ? [pk, lag] : best),
      null,
    );
    return top === null || top[1] === 0
      ? `Group ${partitionsOf} has no lag on any partition.`
      : `Group ${partitionsOf}: most lag on ${top[0]}, ${fmt(top[1])} records, ${trend(samples, i, (x) => x.partitionLag[partitionsOf]?.[top[0]] ?? 0)}.`;
  }
  const groups = Object.keys(s.lag).sort();
  if (groups.length === 0) return "There is no consumer group.";
  return groups
    .map(
      (g) =>
        `Lag of group ${g}: ${fmt(s.lag[g]!)} records, ${trend(samples, i, (x) => x.lag[g] ?? 0)}.`,
    )
    .join(" ");
}

export function replicationSummary(
  samples: readonly MetricsSample[],
  now: number,
  partitions: number,
): string {
  const s = samples[sampleIndexAt(samples, now)];
  if (!s) return "";
  if (s.underReplicated === 0 && s.offline === 0)
    return `All ${partitions} partitions fully replicated.`;
  return `${s.underReplicated} of ${partitions} partitions under-replicated, ${s.offline === 0 ? "none" : s.offline} offline.`;
}

export function isrSummary(samples: readonly MetricsSample[], now: number): string {
  const s = samples[sampleIndexAt(samples, now)];
  if (!s) return "";
  const topics = Object.keys(s.isr).sort();
  return `In sync: ${topics.map((t) => `${t} ${s.isr[t]} of ${s.replicas[t]} replicas`).join("; ")}.`;
}
