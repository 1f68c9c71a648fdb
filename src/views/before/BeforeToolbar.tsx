// The situation picker and the time controls: play, pause, speed, and a slider to seek.

import { useShallow } from "zustand/react/shallow";
import { SERVICES_MAX_SPEED, SERVICES_MIN_SPEED, servicesPresets } from "../../store/index.ts";
import { formatSpeed } from "../format.ts";
import { useServices } from "./ServicesContext.tsx";

const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 4, 10].filter(
  (s) => s >= SERVICES_MIN_SPEED && s <= SERVICES_MAX_SPEED,
);

export function BeforeToolbar({ picker = true }: { picker?: boolean }) {
  const { presetId, playing, speed, time, duration, choose, togglePlay, step, setSpeed, seek } =
    useServices(
      useShallow((s) => ({
        presetId: s.presetId,
        playing: s.playing,
        speed: s.speed,
        time: s.run.sides[0].state.time,
        duration: s.run.durationMs,
        choose: s.choose,
        togglePlay: s.togglePlay,
        step: s.step,
        setSpeed: s.setSpeed,
        seek: s.seek,
      })),
    );
  return (
    <div className="controls before-toolbar" role="toolbar" aria-label="Situation and time">
      {picker && (
        <label className="before-field">
          <span>Situation</span>
          <select value={presetId} onChange={(e) => choose(e.target.value)}>
            {servicesPresets().map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
        </label>
      )}
      <button
        type="button"
        className="primary"
        onClick={togglePlay}
        aria-label={playing ? "Pause" : "Play"}
        aria-keyshortcuts="Space"
        title="Play or pause (Space)"
      >
        {playing ? "❚❚ Pause" : "▶ Play"}
      </button>
      <button
        type="button"
        onClick={step}
        aria-label="Step"
        title="Pause and move on to the next thing that happens"
        disabled={time >= duration}
      >
        Step ▸
      </button>
      <label className="before-field">
        <span>Speed</span>
        <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {formatSpeed(s)}
            </option>
          ))}
        </select>
      </label>
      <input
        className="before-seek"
        type="range"
        aria-label="Time"
        min={0}
        max={duration}
        step={100}
        value={time}
        aria-valuetext={`${(time / 1000).toFixed(1)} seconds of ${duration / 1000}`}
        onChange={(e) => seek(Number(e.target.value))}
      />
      <span className="clock" aria-label="Virtual time">
        {(time / 1000).toFixed(1)} s
      </span>
    </div>
  );
}
