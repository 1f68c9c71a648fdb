import { useMemo, useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { useSim } from "../SimContext.tsx";
import { TimeChart } from "./TimeChart.tsx";
import {
  isrSeries,
  isrSummary,
  lagSeries,
  lagSummary,
  replicationSeries,
  replicationSummary,
  throughputSeries,
  throughputSummary,
} from "./series.ts";
import { useMetrics } from "./useMetrics.ts";
import "./charts.css";

function ThroughputChart() {
  const view = useMetrics();
  const series = useMemo(() => throughputSeries(view.samples, view.from), [view]);
  const summary = useSim((s) => throughputSummary(s.run.metrics.samples, s.run.state.time));
  return (
    <TimeChart
      title="Throughput (records/s, 5 s average)"
      summary={summary}
      series={series}
      domain={view.domain}
      minMax={5}
    />
  );
}

function LagChart() {
  const view = useMetrics();
  const [byPartition, setByPartition] = useState<string | null>(null);
  // Groups with per-partition series (very large groups are kept as one line only).
  const groups = useSim(
    useShallow((s) => Object.keys(s.run.metrics.samples.at(-1)?.partitionLag ?? {}).sort()),
  );
  const shown = byPartition !== null && groups.includes(byPartition) ? byPartition : null;
  const series = useMemo(() => lagSeries(view.samples, view.from, shown), [view, shown]);
  const summary = useSim((s) => lagSummary(s.run.metrics.samples, s.run.state.time, shown));
  const controls =
    groups.length > 0 ? (
      <label className="time-chart-option">
        <span>Lines</span>
        <select
          value={shown ?? ""}
          onChange={(e) => setByPartition(e.target.value === "" ? null : e.target.value)}
        >
          <option value="">one per group</option>
          {groups.map((g) => (
            <option key={g} value={g}>
              per partition of {g}
            </option>
          ))}
        </select>
      </label>
    ) : null;
  return (
    <TimeChart
      title="Consumer lag (records)"
      summary={summary}
      series={series}
      domain={view.domain}
      minMax={10}
      controls={controls}
    />
  );
}

function ReplicationChart() {
  const view = useMetrics();
  const series = useMemo(() => replicationSeries(view.samples, view.from), [view]);
  const partitions = useSim((s) =>
    Object.values(s.run.state.topics).reduce(
      (n, t) => n + (t.internal ? 0 : t.partitions.length),
      0,
    ),
  );
  const summary = useSim((s) =>
    replicationSummary(s.run.metrics.samples, s.run.state.time, partitions),
  );
  return (
    <TimeChart
      title="Under-replicated partitions"
      summary={summary}
      series={series}
      domain={view.domain}
      minMax={Math.min(4, Math.max(1, partitions))}
    />
  );
}

function IsrChart() {
  const view = useMetrics();
  const series = useMemo(() => isrSeries(view.samples, view.from), [view]);
  const summary = useSim((s) => isrSummary(s.run.metrics.samples, s.run.state.time));
  const replicas = useSim((s) => {
    const last = s.run.metrics.samples[s.run.metrics.samples.length - 1];
    return last ? Math.max(0, ...Object.values(last.replicas)) : 1;
  });
  return (
    <TimeChart
      title="ISR size (replicas in sync)"
      summary={summary}
      series={series}
      domain={view.domain}
      minMax={replicas}
    />
  );
}

/** Throughput, lag and replication health over virtual time, with a cursor at now. */
export function Charts() {
  return (
    <section className="charts" aria-label="Charts">
      <h2>Charts</h2>
      <div className="time-chart-grid">
        <ThroughputChart />
        <LagChart />
        <ReplicationChart />
        <IsrChart />
      </div>
    </section>
  );
}
