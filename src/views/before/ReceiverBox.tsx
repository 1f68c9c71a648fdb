// A receiver on the stage: its name, its worker threads (filled when busy) and its backlog.

import type { ServicesReceiver } from "../../store/index.ts";
import type { Point } from "./stageLayout.ts";

const WIDTH = 136;

export function ReceiverBox({
  receiver: r,
  at,
  row,
}: {
  receiver: ServicesReceiver;
  at: Point;
  row: number;
}) {
  const compact = row < 30;
  const cells = Math.min(r.threads, 8);
  const cell = compact ? 7 : 10;
  const waiting = r.backlog.length;
  // Compact rows put the threads at the right end, so long names keep their room.
  const cellsX = compact ? WIDTH - 6 - cells * (cell + 2) : 6;
  const cellY = compact ? row / 2 - cell / 2 : row - cell - 6;
  const noteX = compact ? cellsX - 4 : WIDTH - 6;
  const noteY = compact ? row / 2 + 4 : row - 7;
  return (
    <g
      className={`party receiver${r.up ? "" : " down"}${compact ? " compact" : ""}`}
      data-receiver={r.id}
      transform={`translate(${at.x - WIDTH / 2},${at.y - row / 2})`}
    >
      <rect width={WIDTH} height={row} rx={6} />
      <text
        x={6}
        y={compact ? row / 2 + 4 : 16}
        className={compact ? "receiver-name small" : "receiver-name"}
      >
        {r.id}
        {r.up ? "" : " DOWN"}
      </text>
      {r.up &&
        Array.from({ length: cells }, (_, i) => (
          <rect
            key={i}
            className={i < r.processing.length ? "thread busy" : "thread"}
            x={cellsX + i * (cell + 2)}
            y={cellY}
            width={cell}
            height={cell}
            rx={1.5}
          />
        ))}
      {r.up && waiting > 0 && (
        <text
          x={noteX}
          y={noteY}
          className={waiting >= r.backlogLimit ? "party-note alarm end" : "party-note end"}
        >
          +{waiting}
        </text>
      )}
    </g>
  );
}
