import { useShallow } from "zustand/react/shallow";
import { MAX_SPEED, MIN_SPEED } from "../../store/index.ts";
import { useSim } from "../SimContext.tsx";
import { formatSpeed, formatTime } from "../format.ts";
import { Timeline } from "./Timeline.tsx";

const LOG_MIN = Math.log10(MIN_SPEED);
const LOG_MAX = Math.log10(MAX_SPEED);

export function PlaybackControls() {
  const { playing, speed, time, togglePlay, stepBack, stepForward, setSpeed } = useSim(
    useShallow((s) => ({
      playing: s.playing,
      speed: s.speed,
      time: s.run.state.time,
      togglePlay: s.togglePlay,
      stepBack: s.stepBack,
      stepForward: s.stepForward,
      setSpeed: s.setSpeed,
    })),
  );
  return (
    <div className="controls" role="toolbar" aria-label="Time controls">
      <button type="button" onClick={stepBack} aria-label="Step back" title="Step back (←)">
        ◀ Step
      </button>
      <button
        type="button"
        onClick={togglePlay}
        aria-label={playing ? "Pause" : "Play"}
        title="Play or pause (Space)"
        className="primary"
      >
        {playing ? "❚❚ Pause" : "▶ Play"}
      </button>
      <button
        type="button"
        onClick={stepForward}
        aria-label="Step forward"
        title="Step forward (→)"
      >
        Step ▶
      </button>
      <label className="speed">
        <span>Speed</span>
        <input
          type="range"
          aria-label="Speed"
          min={LOG_MIN}
          max={LOG_MAX}
          step={0.1}
          value={Math.log10(speed)}
          aria-valuetext={formatSpeed(speed)}
          onChange={(e) => setSpeed(10 ** Number(e.target.value))}
        />
        <output>{formatSpeed(speed)}</output>
      </label>
      <Timeline />
      <span className="clock" aria-label="Virtual time">
        {formatTime(time)}
      </span>
    </div>
  );
}
