import { useShallow } from "zustand/react/shallow";
import { DETAIL_EVENT_TYPES, explain, type SimEvent } from "../../store/index.ts";
import { useSim } from "../SimContext.tsx";
import { formatTime } from "../format.ts";

const SHOWN = 40;
const ALARMING = new Set<SimEvent["type"]>([
  "recordsLost",
  "partitionOffline",
  "produceFailed",
  "commandRejected",
  "controllerLost",
  "duplicateWritten",
]);

/** The newest plain-language events first; per-record detail stays out of the feed. */
function latest(events: readonly SimEvent[]): SimEvent[] {
  const out: SimEvent[] = [];
  for (let i = events.length - 1; i >= 0 && out.length < SHOWN; i--) {
    const e = events[i]!;
    if (!DETAIL_EVENT_TYPES.has(e.type)) out.push(e);
  }
  return out;
}

export function EventFeed() {
  const events = useSim(useShallow((s) => latest(s.run.events)));
  const seek = useSim((s) => s.seek);
  return (
    <section aria-label="Events" className="feed">
      <h2>What happened</h2>
      <ol aria-live="polite" aria-relevant="additions">
        {events.map((e, i) => (
          <li
            key={`${e.time}-${events.length - i}`}
            className={ALARMING.has(e.type) ? "alarm" : undefined}
          >
            <button
              type="button"
              className="time"
              onClick={() => seek(e.time)}
              title="Go to this moment"
            >
              {formatTime(e.time)}
            </button>{" "}
            {explain(e)}
          </li>
        ))}
      </ol>
    </section>
  );
}
