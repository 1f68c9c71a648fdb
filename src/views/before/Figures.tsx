// A side's live figures: what a student compares across the two sides.

import type { SideFigures } from "../../store/index.ts";

const int = new Intl.NumberFormat("en-US");

function ms(v: number | null): string {
  if (v === null) return "–";
  return v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${int.format(Math.round(v))} ms`;
}

function Tile({
  label,
  value,
  alarm,
  note,
}: {
  label: string;
  value: string;
  alarm?: boolean;
  note?: string;
}) {
  return (
    <div role="group" aria-label={label} className={alarm ? "tile alarm" : "tile"}>
      <span className="tile-label">{label}</span>
      <span className="tile-value">{value}</span>
      {note && <span className="tile-note">{note}</span>}
    </div>
  );
}

export function Figures({ f }: { f: SideFigures }) {
  const reasons = f.failedBy
    .slice(0, 2)
    .map(([r, n]) => `${int.format(n)} ${r}`)
    .join(", ");
  return (
    <div className="figures">
      <Tile label="Delivered" value={int.format(f.delivered)} />
      <Tile
        label="Failed"
        value={int.format(f.failed)}
        alarm={f.failed > 0}
        note={reasons || undefined}
      />
      <Tile label="Latency p50" value={ms(f.p50)} />
      <Tile label="Latency p99" value={ms(f.p99)} />
      <Tile
        label="Sender busy"
        value={`${Math.round(f.senderBusy * 100)}%`}
        alarm={f.senderBusy > 0.9}
        note={`of its threads; ${(f.senderBusyMs / 1000).toFixed(1)} thread-s in all`}
      />
      <Tile label="Waiting" value={int.format(f.waiting)} note="queued, not yet processed" />
      {f.deadLettered > 0 && (
        <Tile label="Dead-lettered" value={int.format(f.deadLettered)} note="kept for inspection" />
      )}
      {f.duplicates > 0 && <Tile label="Processed twice" value={int.format(f.duplicates)} alarm />}
      <Tile label="Connections opened" value={int.format(f.connectionsOpened)} />
    </div>
  );
}
