import { useShallow } from "zustand/react/shallow";
import { useSim } from "../SimContext.tsx";
import { formatTime } from "../format.ts";
import { TimelineMarkers } from "./TimelineMarkers.tsx";

/**
 * The run so far as a scrubbable line: dragging seeks (restore the nearest checkpoint and
 * replay), so any moment already lived through can be looked at again. Issuing a command in
 * the past forks: the old future is discarded.
 */
export function Timeline() {
  const { time, horizon, seek } = useSim(
    useShallow((s) => ({ time: s.run.state.time, horizon: s.run.horizon, seek: s.seek })),
  );
  const end = Math.max(horizon, time);
  return (
    <div className="timeline">
      <TimelineMarkers />
      <span className="sr-only">Timeline</span>
      <input
        type="range"
        aria-label="Timeline"
        min={0}
        max={end}
        step={1}
        value={time}
        aria-valuetext={`${formatTime(time)} of ${formatTime(end)}`}
        onChange={(e) => seek(Number(e.target.value))}
      />
    </div>
  );
}
