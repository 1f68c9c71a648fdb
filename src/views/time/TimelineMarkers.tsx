import { explain, type SimEvent } from "../../store/index.ts";
import { useSim } from "../SimContext.tsx";
import { useSimStable } from "../useSimStable.ts";
import { formatTime } from "../format.ts";

/** The moments worth finding again: faults, elections, rebalances and losses. */
const MARKED: Partial<Record<SimEvent["type"], string>> = {
  brokerKilled: "fault",
  brokerIsolated: "fault",
  brokerShutDown: "fault",
  leaderElected: "election",
  partitionOffline: "loss",
  recordsLost: "loss",
  rebalanceStarted: "rebalance",
};
const MAX_MARKERS = 200;

interface Marker {
  time: number;
  kind: string;
  label: string;
}

function markers(events: readonly SimEvent[]): Marker[] {
  const out: Marker[] = [];
  for (const e of events) {
    const kind = MARKED[e.type];
    // The initial leaders are not news.
    if (!kind || (e.type === "leaderElected" && e.election === "initial")) continue;
    const last = out[out.length - 1];
    // One marker per kind and moment: a fault often elects many leaders at once.
    if (last && last.time === e.time && last.kind === kind) continue;
    out.push({ time: e.time, kind, label: explain(e) });
  }
  return out.slice(-MAX_MARKERS);
}

/** Marks on the timeline; each is a button that seeks to its moment. */
export function TimelineMarkers() {
  const items = useSimStable((s) => markers(s.run.events));
  const end = useSim((s) => Math.max(s.run.horizon, s.run.state.time));
  const seek = useSim((s) => s.seek);
  if (items.length === 0 || end === 0) return null;
  return (
    <ol className="timeline-markers" aria-label="Timeline markers">
      {items.map((m) => (
        <li key={`${m.time}-${m.kind}`} style={{ left: `${(m.time / end) * 100}%` }}>
          <button
            type="button"
            className={`marker marker-${m.kind}`}
            aria-label={`${formatTime(m.time)}: ${m.label}`}
            title={`${formatTime(m.time)}: ${m.label}`}
            onClick={() => seek(m.time)}
          />
        </li>
      ))}
    </ol>
  );
}
