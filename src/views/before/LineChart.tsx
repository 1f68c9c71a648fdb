// A small chart over virtual time with one line per side; d3 supplies the scales and the path,
// React draws the SVG.

import { scaleLinear } from "d3-scale";
import { line } from "d3-shape";

export interface Series {
  label: string;
  className: string;
  points: readonly (readonly [number, number | null])[];
}

const W = 320;
const H = 150;
const M = { top: 10, right: 12, bottom: 24, left: 52 };

export function LineChart({
  title,
  series,
  xMax,
  now,
  format,
}: {
  title: string;
  series: readonly Series[];
  xMax: number;
  now: number;
  format: (v: number) => string;
}) {
  let yMax = 1;
  for (const s of series) for (const [, v] of s.points) if (v !== null && v > yMax) yMax = v;
  const x = scaleLinear()
    .domain([0, xMax])
    .range([M.left, W - M.right]);
  const y = scaleLinear()
    .domain([0, yMax])
    .nice(4)
    .range([H - M.bottom, M.top]);
  const path = line<readonly [number, number | null]>()
    .defined((d) => d[1] !== null)
    .x((d) => x(d[0]))
    .y((d) => y(d[1] ?? 0));
  const last = series.map((s) => {
    const p = s.points[s.points.length - 1];
    return `${s.label} ${p && p[1] !== null ? format(p[1]) : "none"}`;
  });
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${title}: ${last.join("; ")}`}>
        {y.ticks(4).map((t) => (
          <g key={t} className="tick">
            <line x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} />
            <text x={M.left - 6} y={y(t) + 4} textAnchor="end">
              {format(t)}
            </text>
          </g>
        ))}
        {x.ticks(6).map((t) => (
          <text key={t} className="tick" x={x(t)} y={H - 6} textAnchor="middle">
            {t / 1000}s
          </text>
        ))}
        <line className="now" x1={x(now)} x2={x(now)} y1={M.top} y2={H - M.bottom} />
        {series.map((s) => (
          <path key={s.label} className={`series ${s.className}`} d={path(s.points) ?? ""} />
        ))}
      </svg>
    </figure>
  );
}
