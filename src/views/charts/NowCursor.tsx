import { scaleLinear } from "d3-scale";
import { useSim } from "../SimContext.tsx";

/**
 * The vertical "now" line, and a veil over the part of the series after it (the future this
 * line of history already knows). Its own component: it follows the clock every frame, so the
 * chart itself does not have to re-render.
 */
export function NowCursor({
  domain,
  width,
  height,
}: {
  domain: readonly [number, number];
  width: number;
  height: number;
}) {
  const now = useSim((s) => s.run.state.time);
  if (now < domain[0] || now > domain[1]) return null;
  const x = scaleLinear().domain(domain).range([0, width])(now);
  return (
    <g className="now-cursor" aria-hidden="true">
      <rect className="future-veil" x={x} y={0} width={Math.max(0, width - x)} height={height} />
      <line x1={x} x2={x} y1={0} y2={height} />
      <text x={x} y={-4} textAnchor={x > width - 30 ? "end" : "middle"}>
        now
      </text>
    </g>
  );
}
