import { useId, useMemo, type ReactNode } from "react";
import { scaleLinear } from "d3-scale";
import { line } from "d3-shape";
import { NowCursor } from "./NowCursor.tsx";
import type { Point, Series } from "./series.ts";
import { useWidth } from "./useWidth.ts";

const HEIGHT = 190;
const MARGIN = { top: 16, right: 14, bottom: 28, left: 50 };
const DASHES = ["", "7 4", "2 3", "10 3 2 3"];

const minutes = (ms: number): string => {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
};
const compact = (n: number): string =>
  n >= 10_000 ? `${Math.round(n / 1000)}k` : n >= 1000 ? `${(n / 1000).toFixed(1)}k` : String(n);

/** A line chart over virtual time: d3 computes scales and paths, React draws the SVG. */
export function TimeChart({
  title,
  summary,
  series,
  domain,
  minMax = 1,
  controls,
}: {
  title: string;
  /** One sentence of what the chart shows now, for everyone and for screen readers. */
  summary: string;
  series: readonly Series[];
  domain: readonly [number, number];
  /** The y axis reaches at least this high (a flat 0 still gets a readable scale). */
  minMax?: number;
  controls?: ReactNode;
}) {
  const titleId = useId();
  const summaryId = useId();
  const [ref, width] = useWidth<HTMLDivElement>();
  const iw = Math.max(0, width - MARGIN.left - MARGIN.right);
  const ih = HEIGHT - MARGIN.top - MARGIN.bottom;

  const drawn = useMemo(() => {
    let max = minMax;
    for (const s of series) for (const p of s.points) if (p[1] > max) max = p[1];
    const x = scaleLinear().domain(domain).range([0, iw]);
    const y = scaleLinear().domain([0, max]).range([ih, 0]).nice(4);
    const path = line<Point>()
      .x((p) => x(p[0]))
      .y((p) => y(p[1]));
    return {
      xTicks: x.ticks(Math.max(2, Math.floor(iw / 90))).map((t) => ({ t, at: x(t) })),
      yTicks: y
        .ticks(4)
        .filter((t) => Number.isInteger(t))
        .map((t) => ({ t, at: y(t) })),
      paths: series.map((s) => ({ s, d: path(s.points) ?? "" })),
    };
  }, [series, domain, iw, ih, minMax]);

  return (
    <figure className="time-chart" aria-labelledby={titleId} aria-describedby={summaryId}>
      <figcaption>
        <div className="time-chart-head">
          <h3 id={titleId}>{title}</h3>
          {controls}
        </div>
        <p id={summaryId} className="time-chart-summary">
          {summary}
        </p>
      </figcaption>
      <div ref={ref} className="time-chart-plot">
        {iw > 0 && (
          <svg width={width} height={HEIGHT} role="img" aria-label={title}>
            <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
              {drawn.yTicks.map(({ t, at }) => (
                <g key={`y${t}`} className="tick" transform={`translate(0,${at})`}>
                  <line x2={iw} className="grid" />
                  <text x={-8} dy="0.32em" textAnchor="end">
                    {compact(t)}
                  </text>
                </g>
              ))}
              {drawn.xTicks.map(({ t, at }) => (
                <g key={`x${t}`} className="tick" transform={`translate(${at},${ih})`}>
                  <line y2={5} className="axis" />
                  <text y={20} textAnchor="middle">
                    {minutes(t)}
                  </text>
                </g>
              ))}
              <line className="axis" x1={0} x2={iw} y1={ih} y2={ih} />
              {drawn.paths.map(({ s, d }) => (
                <path
                  key={s.id}
                  d={d}
                  className={`line-series line-series-${s.slot % 8}`}
                  strokeDasharray={DASHES[s.slot % DASHES.length] || undefined}
                />
              ))}
              <NowCursor domain={domain} width={iw} height={ih} />
            </g>
          </svg>
        )}
      </div>
      <ul className="time-chart-legend" aria-label={`Lines of ${title}`}>
        {series.map((s) => (
          <li key={s.id}>
            <svg width="22" height="10" aria-hidden="true">
              <line
                x1="0"
                x2="22"
                y1="5"
                y2="5"
                className={`line-series line-series-${s.slot % 8}`}
                strokeDasharray={DASHES[s.slot % DASHES.length] || undefined}
              />
            </svg>
            {s.label}
          </li>
        ))}
      </ul>
    </figure>
  );
}
