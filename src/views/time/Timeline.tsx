import type { KeyboardEvent } from "react";
import { useShallow } from "zustand/react/shallow";
import { useSim } from "../SimContext.tsx";
import { formatTime } from "../format.ts";
import { formatMoment } from "./timeFormat.ts";
import { TimelineMarkers } from "./TimelineMarkers.tsx";

const PAGE_MS = 10_000;

/**
 * The run so far as a scrubbable line: dragging seeks (restore the nearest checkpoint and
 * replay), so any moment already lived through can be looked at again. Its end is the
 * horizon: issuing a command in the past forks, and the end comes back to that moment.
 */
export function Timeline() {
  const { time, horizon, seek, stepBack, stepForward } = useSim(
    useShallow((s) => ({
      time: s.run.state.time,
      horizon: s.run.horizon,
      seek: s.seek,
      stepBack: s.stepBack,
      stepForward: s.stepForward,
    })),
  );
  const end = Math.max(horizon, time);
  // A millisecond per arrow press would go nowhere: the arrows step from event to event
  // instead, Page Up and Page Down jump ten seconds, Home and End go to either end.
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    const to: Record<string, () => void> = {
      ArrowLeft: stepBack,
      ArrowDown: stepBack,
      ArrowRight: stepForward,
      ArrowUp: stepForward,
      PageDown: () => seek(Math.max(0, time - PAGE_MS)),
      PageUp: () => seek(Math.min(end, time + PAGE_MS)),
      Home: () => seek(0),
      End: () => seek(end),
    };
    const action = to[e.key];
    if (!action || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    action();
  };
  return (
    <div className="timeline">
      <div className="timeline-track">
        <TimelineMarkers />
        <input
          type="range"
          aria-label="Timeline"
          min={0}
          max={end}
          step={1}
          value={time}
          aria-valuetext={`${formatTime(time)} of ${formatTime(end)}`}
          aria-keyshortcuts="ArrowLeft ArrowRight PageUp PageDown Home End"
          onKeyDown={onKeyDown}
          onChange={(e) => seek(Number(e.target.value))}
        />
      </div>
      <span className="timeline-end" title="The end of the history so far">
        {formatMoment(end)}
      </span>
    </div>
  );
}
