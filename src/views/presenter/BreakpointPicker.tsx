import { useStore } from "zustand";
import { BREAKPOINT_OPTIONS, type BreakpointStoreApi } from "../../store/index.ts";
import { formatTime } from "../format.ts";
import "./presenter.css";

/** "Pause when": the events that stop playback. */
export function BreakpointPicker({ store }: { store: BreakpointStoreApi }) {
  const active = useStore(store, (s) => s.active);
  const setActive = useStore(store, (s) => s.setActive);
  return (
    <fieldset className="breakpoints">
      <legend>Pause when</legend>
      {BREAKPOINT_OPTIONS.map((o) => (
        <label key={o.kind}>
          <input
            type="checkbox"
            checked={active.includes(o.kind)}
            onChange={(e) => setActive(o.kind, e.target.checked)}
          />{" "}
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

/** Why playback stopped, until it plays again or is dismissed. */
export function BreakpointNoticeBanner({ store }: { store: BreakpointStoreApi }) {
  const notice = useStore(store, (s) => s.notice);
  const dismiss = useStore(store, (s) => s.dismiss);
  return (
    <div className="breakpoint-region" role="status" aria-label="Breakpoint">
      {notice && (
        <p className="breakpoint-notice">
          <strong>
            Paused at {formatTime(notice.time)} because {notice.reason}:
          </strong>{" "}
          {notice.detail}{" "}
          <button type="button" onClick={dismiss}>
            Dismiss
          </button>
        </p>
      )}
    </div>
  );
}
