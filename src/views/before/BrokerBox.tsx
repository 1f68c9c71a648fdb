// The broker on the stage: one bar per queue (how full it is), the dead-letter count, and
// whether it is up.

import type { ServicesState } from "../../store/index.ts";
import type { Point } from "./stageLayout.ts";

const WIDTH = 118;

export function BrokerBox({ state, at }: { state: ServicesState; at: Point }) {
  const b = state.broker!;
  const queues = Object.values(b.queues);
  const capacity = state.spec.broker.queueCapacity;
  // Rows as tall as a compact receiver's (the stage has that room), so the labels stay legible.
  const row = queues.length > 4 ? 24 : 22;
  const extras = [
    state.spec.badFraction > 0 || b.deadLetters > 0 ? `dead letters: ${b.deadLetters}` : null,
    state.spec.transformMs > 0 ? `reshaped: ${b.transformed}` : null,
    state.spec.routes !== null ? "routes by type" : null,
  ].filter((x): x is string => x !== null);
  const height = 34 + queues.length * row + extras.length * 15;
  return (
    <g
      className={b.up ? "party broker" : "party broker down"}
      transform={`translate(${at.x - WIDTH / 2},${at.y - height / 2})`}
    >
      <rect width={WIDTH} height={height} rx={8} />
      <text x={WIDTH / 2} y={18} className="party-name">
        {b.up ? "Broker" : "Broker DOWN"}
      </text>
      {queues.map((q, i) => {
        const y = 28 + i * row;
        const depth = q.ready.length;
        const share = Math.min(1, depth / capacity);
        return (
          <g key={q.service} transform={`translate(6,${y})`}>
            <rect className="meter-bg" width={WIDTH - 12} height={row - 4} rx={2} />
            <rect
              className={share >= 1 ? "meter alarm" : "meter queue"}
              width={(WIDTH - 12) * share}
              height={row - 4}
              rx={2}
            />
            <text x={4} y={row - 7} className="queue-label">
              {queues.length > 1 ? `${q.service} ` : ""}
              {depth}
            </text>
          </g>
        );
      })}
      {extras.map((line, i) => (
        <text
          key={i}
          x={WIDTH / 2}
          y={height - 6 - (extras.length - 1 - i) * 15}
          className="party-note"
        >
          {line}
        </text>
      ))}
    </g>
  );
}
