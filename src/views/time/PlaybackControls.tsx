import { useShallow } from "zustand/react/shallow";
import { MAX_SPEED, MIN_SPEED } from "../../store/index.ts";
import { useSim } from "../SimContext.tsx";
import { formatSpeed, formatTime } from "../format.ts";
import { HelpButton } from "../help/HelpButton.tsx";
import { ForkNotice } from "./ForkNotice.tsx";
import { Timeline } from "./Timeline.tsx";
import "./time.css";

const LOG_MIN = Math.log10(MIN_SPEED);
const LOG_MAX = Math.log10(MAX_SPEED);

/** The playback bar: it stays at the top of the window while the page scrolls. */
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
    <div className="playback-bar">
      <div className="controls" role="toolbar" aria-label="Time controls">
        <div className="transport">
          <button
            type="button"
            onClick={stepBack}
            aria-label="Step back"
            aria-keyshortcuts="ArrowLeft"
            title="Step back to the previous event (←)"
          >
            <span aria-hidden="true">◀</span>
            <span className="wide-only"> Step back</span>
          </button>
          <button
            type="button"
            onClick={togglePlay}
            aria-label={playing ? "Pause" : "Play"}
            aria-keyshortcuts="Space"
            title="Play or pause (Space)"
            className="primary play"
          >
            <span aria-hidden="true">{playing ? "❚❚" : "▶"}</span> {playing ? "Pause" : "Play"}
          </button>
          <button
            type="button"
            onClick={stepForward}
            aria-label="Step forward"
            aria-keyshortcuts="ArrowRight"
            title="Step forward to the next event (→)"
          >
            <span className="wide-only">Step forward </span>
            <span aria-hidden="true">▶</span>
          </button>
        </div>
        <span className="clock" aria-label="Virtual time">
          {formatTime(time)}
        </span>
        <label className="speed" title="Speed: + and − change it">
          <span className="speed-name">Speed</span>
          <input
            type="range"
            aria-label="Speed"
            min={LOG_MIN}
            max={LOG_MAX}
            step={0.1}
            value={Math.log10(speed)}
            aria-valuetext={`${formatSpeed(speed)} real time`}
            onChange={(e) => setSpeed(10 ** Number(e.target.value))}
          />
          <output aria-hidden="true">{formatSpeed(speed)}</output>
        </label>
        <Timeline />
        <HelpButton />
      </div>
      <ForkNotice />
    </div>
  );
}
