import { useMemo } from "react";
import { useShallow } from "zustand/react/shallow";
import { METRICS_SAMPLE_MS, type MetricsSample, type SimStore } from "../../store/index.ts";
import { useSim } from "../SimContext.tsx";
import { sampleIndexAt } from "./series.ts";

/** The span shown: the whole run up to ten minutes, then the last ten minutes. */
const WINDOW_MS = 10 * 60_000;
const MIN_SPAN_MS = 60_000;

function windowOf(s: SimStore): [number, number] {
  const samples = s.run.metrics.samples;
  const last = samples[samples.length - 1]?.time ?? 0;
  // Now is always before the next sample: the span reaches it without following every frame.
  const end = Math.max(last + METRICS_SAMPLE_MS, MIN_SPAN_MS);
  const start = Math.max(0, end - WINDOW_MS);
  const now = s.run.state.time;
  if (now >= start) return [start, end];
  // Seeked far back: a window around now, moved by whole minutes so it is not redrawn per frame.
  const from = Math.max(0, Math.floor((now - WINDOW_MS / 2) / 60_000) * 60_000);
  return [from, from + WINDOW_MS];
}

export interface MetricsView {
  samples: readonly MetricsSample[];
  /** Index of the first sample drawn. */
  from: number;
  domain: readonly [number, number];
  /** Changes whenever the drawn samples may have changed. */
  version: string;
}

/**
 * The samples to draw and their time window. The series is mutated in place by the run, so a
 * version string (count, first and last time) tells a chart when to rebuild its lines.
 */
export function useMetrics(): MetricsView {
  const { version, start, end, samples } = useSim(
    useShallow((s) => {
      const m = s.run.metrics.samples;
      const [start, end] = windowOf(s);
      return {
        version: `${m.length}:${m[0]?.time ?? 0}:${m[m.length - 1]?.time ?? 0}`,
        start,
        end,
        samples: m,
      };
    }),
  );
  const from = Math.max(0, sampleIndexAt(samples, start - 1));
  // One object per version: charts rebuild their lines when it changes, and only then.
  return useMemo(
    () => ({ samples, from, domain: [start, end] as const, version }),
    [samples, from, start, end, version],
  );
}
