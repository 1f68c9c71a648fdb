import type { ReactNode } from "react";
import type { KeyColour } from "./keyColours.ts";
import type { ReplicaView } from "./replicas.ts";

/**
 * The end of one replica's log: a cell per record with its offset, coloured by key; a bar at
 * the log start offset when it is in view; the high watermark as a flag (records at or past it
 * are hatched: consumers cannot read them yet); the log end offset as the empty slot where the
 * next record will go. The anchor on that slot is where travelling records land.
 */
export function LogTail({
  replica,
  colour,
  anchor,
}: {
  replica: ReplicaView;
  colour: KeyColour;
  anchor: string;
}) {
  const { tail, logStartOffset, highWatermark, logEndOffset } = replica;
  const first = tail[0]?.offset ?? logEndOffset;
  const startInView = first <= logStartOffset;
  const hwMark = (
    <span className="hw-mark" key="hw">
      <span className="mark-label">HW</span>
    </span>
  );
  const cells: ReactNode[] = [];
  let hwPlaced = false;
  for (const r of tail) {
    if (!hwPlaced && r.offset >= highWatermark) {
      cells.push(hwMark);
      hwPlaced = true;
    }
    cells.push(
      <span
        key={r.offset}
        className={`cell${r.offset >= highWatermark ? " uncommitted" : ""}${r.key === null ? " unkeyed" : ""}`}
        style={{ backgroundColor: colour(r.key) }}
      >
        {r.offset}
      </span>,
    );
  }
  // Everything shown is committed: the flag stands before the next offset.
  if (!hwPlaced) cells.push(hwMark);
  return (
    <div className="log-tail" aria-hidden="true">
      {tail.length === 0 && <span className="empty-log">empty</span>}
      {tail.length === 0 ? null : startInView ? (
        <span className="start-mark">
          {/* Near the HW, the HW's label says enough (two labels would overlap on narrow cells). */}
          {highWatermark - first >= 2 && <span className="mark-label">start</span>}
        </span>
      ) : (
        <span className="more">…</span>
      )}
      {cells}
      <span className="leo-slot" data-anchor={anchor}>
        <span className="leo-offset">{logEndOffset}</span>
        <span className="mark-label">LEO</span>
      </span>
    </div>
  );
}
