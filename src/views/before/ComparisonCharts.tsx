// The two sides over time: delivered, failed, p99 latency and what is waiting.

import type { ServicesSample } from "../../store/index.ts";
import { LineChart, type Series } from "./LineChart.tsx";
import { useServices } from "./ServicesContext.tsx";

type Pick = (s: ServicesSample) => number | null;

const count = (v: number): string => (v >= 10_000 ? `${Math.round(v / 1000)}k` : String(v));
const millis = (v: number): string => (v >= 1000 ? `${(v / 1000).toFixed(1)}s` : `${v}ms`);

const CHARTS: { title: string; pick: Pick; format: (v: number) => string }[] = [
  { title: "Delivered (total)", pick: (s) => s.delivered, format: count },
  { title: "Failed (total)", pick: (s) => s.failed, format: count },
  { title: "Latency p99 (per ½ s)", pick: (s) => s.p99, format: millis },
  { title: "Waiting (queues and backlogs)", pick: (s) => s.waiting, format: count },
];

export function ComparisonCharts() {
  useServices((s) => s.frame);
  const run = useServices((s) => s.run);
  const now = run.sides[0].state.time;
  return (
    <section className="before-charts" aria-label="Over time">
      <p className="chart-legend">
        {run.sides.map((side, i) => (
          <span key={side.label} className={`legend side-${i}`}>
            <span className="side-swatch" aria-hidden="true" /> {side.label}
          </span>
        ))}
      </p>
      <div className="chart-grid">
        {CHARTS.map((c) => {
          const series: Series[] = run.sides.map((side, i) => ({
            label: side.label,
            className: `side-${i}`,
            points: side.state.samples.map((s) => [s.t, c.pick(s)] as const),
          }));
          return (
            <LineChart
              key={c.title}
              title={c.title}
              series={series}
              xMax={run.durationMs}
              now={now}
              format={c.format}
            />
          );
        })}
      </div>
    </section>
  );
}
