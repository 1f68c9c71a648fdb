import { useMemo, useState, type CSSProperties, type KeyboardEvent } from "react";
import { useSim, useSimApi } from "../SimContext.tsx";
import { formatMoment } from "./timeFormat.ts";
import { markerTracker } from "./markers.ts";

/** Which way a mark's description opens, so that it stays inside the window. */
const tipSide = (at: number): string => (at < 0.3 ? "tip-right" : at > 0.7 ? "tip-left" : "");

/**
 * Marks on the timeline for faults, elections, rebalances, losses and every command the user
 * gave; each is a button that seeks to its moment, and says what it was on hover and focus.
 */
export function TimelineMarkers() {
  const api = useSimApi();
  // The history only grows (or is cut by a fork): its length and last entry say when it changed.
  const key = useSim((s) => {
    const { history, commands } = s.run;
    return `${history.length}/${history.at(-1)?.time}/${commands.length}/${commands.at(-1)?.at}`;
  });
  // Reads only the events added since the last frame (a long run has tens of thousands).
  const [track] = useState(markerTracker);
  const items = useMemo(() => {
    void key;
    const { history, commands } = api.getState().run;
    return track(history, commands);
  }, [api, key, track]);
  const end = useSim((s) => Math.max(s.run.horizon, s.run.state.time));
  const seek = useSim((s) => s.seek);
  // One Tab stop for all the marks (a long run has hundreds); the arrows move between them.
  const [chosen, setChosen] = useState<number | null>(null);
  const active = chosen === null ? items.length - 1 : Math.min(chosen, items.length - 1);
  // The end moves on every frame while playing; the marks are placed against it by CSS (the
  // list's --end), so they render again only when a mark comes or a description changes side.
  const sidesKey = items.map((m) => tipSide(m.time / end)).join();
  const list = useMemo(() => {
    const sides = sidesKey.split(",");
    return items.map((m, i) => {
      const text = `${formatMoment(m.time)}: ${m.label}`;
      return (
        <li
          key={`${m.time}-${m.kind}-${i}`}
          className={`lane-${m.kind === "command" ? "commands" : "events"}`}
          style={{ "--at": m.time } as CSSProperties}
        >
          <button
            type="button"
            className={`marker marker-${m.kind}`}
            aria-label={text}
            tabIndex={i === active ? 0 : -1}
            onFocus={() => setChosen(i)}
            onClick={() => seek(m.time)}
          />
          <span className={`marker-tip ${sides[i] ?? ""}`} aria-hidden="true">
            {text}
          </span>
        </li>
      );
    });
  }, [items, active, sidesKey, seek]);
  if (items.length === 0 || end === 0) return null;
  const onKeyDown = (e: KeyboardEvent<HTMLOListElement>): void => {
    const moves: Record<string, number> = {
      ArrowLeft: active - 1,
      ArrowRight: active + 1,
      Home: 0,
      End: items.length - 1,
    };
    const to = moves[e.key];
    if (to === undefined) return;
    // The arrows move along the marks here, instead of stepping through time.
    e.preventDefault();
    e.stopPropagation();
    const next = Math.max(0, Math.min(items.length - 1, to));
    setChosen(next);
    e.currentTarget.querySelectorAll("button")[next]?.focus();
  };
  return (
    <ol
      className="timeline-markers"
      aria-label="Timeline markers"
      onKeyDown={onKeyDown}
      style={{ "--end": end } as CSSProperties}
    >
      {list}
    </ol>
  );
}
