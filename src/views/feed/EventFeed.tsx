import { useShallow } from "zustand/react/shallow";
import { explain, type SimEvent } from "../../store/index.ts";
import { useSim } from "../SimContext.tsx";
import { formatTime } from "../format.ts";
import { useRemembered } from "../layout/useRemembered.ts";
import { Announcer } from "./Announcer.tsx";
import { AuditLink } from "./AuditLink.tsx";
import { FeedFilter } from "./FeedFilter.tsx";
import { DEFAULT_KINDS, FEED_KINDS, severityOf, type FeedKind } from "./eventKinds.ts";
import { feedLines } from "./feedLines.ts";
import { foldRepeats } from "./feedRepeats.ts";
import "./feed.css";

const SHOWN = 60;

const isKinds = (v: unknown): v is FeedKind[] =>
  Array.isArray(v) && v.every((k) => FEED_KINDS.some((f) => f.kind === k));

/** Keys stable across frames: the moment, the type, and the rank among equals. */
function keysOf(events: readonly SimEvent[]): string[] {
  const seen: Record<string, number> = {};
  return events.map((e) => {
    const base = `${e.time}:${e.type}`;
    seen[base] = (seen[base] ?? 0) + 1;
    return `${base}:${seen[base]}`;
  });
}

const ICON = { loss: "⚠", error: "✖" } as const;

/** The trace's plain-language lines, newest first; a line takes you to its moment. */
export function EventFeed() {
  const [kindList, setKindList] = useRemembered<FeedKind[]>(
    "feed-kinds",
    [...DEFAULT_KINDS],
    isKinds,
  );
  const kinds = new Set(kindList);
  const events = useSim(
    useShallow((s) => feedLines(s.run.history, s.run.events, s.run.state.time, kinds, SHOWN)),
  );
  const seek = useSim((s) => s.seek);
  const rows = foldRepeats(events, explain);
  const keys = keysOf(rows.map((r) => r.event));
  return (
    <>
      {/* Outside the list's region, so that a line is not found twice there. */}
      <Announcer />
      <section aria-label="Events" className="feed">
        <div className="feed-head">
          <h2>What happened</h2>
          <AuditLink />
        </div>
        <FeedFilter chosen={kinds} onChange={(next) => setKindList([...next])} />
        {events.length === 0 ? (
          <p className="feed-empty">Nothing of the chosen kinds yet. Press Play.</p>
        ) : (
          <ol className="feed-lines">
            {rows.map(({ event: e, text, count }, i) => {
              const severity = severityOf(e);
              return (
                <li key={keys[i]} className={severity ? `alarm-line ${severity.level}` : undefined}>
                  <button type="button" className="feed-line" onClick={() => seek(e.time)}>
                    <span className="time">{formatTime(e.time)}</span>
                    <span className="text">
                      {severity && (
                        <>
                          <span aria-hidden="true">{ICON[severity.level]} </span>
                          <strong>{severity.word}:</strong>{" "}
                        </>
                      )}
                      {text}
                      {count > 1 && (
                        <>
                          <span className="repeat" aria-hidden="true">
                            {" "}
                            ×{count}
                          </span>
                          <span className="sr-only"> ({count} times)</span>
                        </>
                      )}
                    </span>
                  </button>
                </li>
              );
            })}
          </ol>
        )}
      </section>
    </>
  );
}
