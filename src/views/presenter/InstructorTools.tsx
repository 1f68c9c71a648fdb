import { useEffect, useState } from "react";
import { createBreakpointStore, watchBreakpoints } from "../../store/index.ts";
import { useSimApi } from "../SimContext.tsx";
import { BreakpointNoticeBanner, BreakpointPicker } from "./BreakpointPicker.tsx";
import { HotkeyLegend } from "./HotkeyLegend.tsx";
import { Toast } from "./Toast.tsx";
import { presentingInUrl, setPresentingInUrl, usePresenterClass } from "./presenterMode.ts";
import { useDemoHotkeys } from "./useDemoHotkeys.ts";
import { useToast } from "./useToast.ts";
import "./presenter.css";

/** The teacher's tools over a simulation: presenter mode with its hotkeys, and breakpoints. */
export function InstructorTools() {
  const api = useSimApi();
  const [presenting, setPresenting] = useState(presentingInUrl);
  // One breakpoint store per simulation, alive as long as this view of it.
  const [breakpoints] = useState(() => createBreakpointStore());
  const [toast, showToast] = useToast();
  useEffect(() => watchBreakpoints(api, breakpoints), [api, breakpoints]);
  usePresenterClass(presenting);
  useDemoHotkeys(
    presenting,
    () => api.getState().run.state,
    (command) => api.getState().issue(command),
    showToast,
  );

  const toggle = (): void => {
    setPresenting(!presenting);
    setPresentingInUrl(!presenting);
  };

  return (
    <section className="instructor" aria-label="Instructor tools">
      <div className="instructor-bar">
        <button
          type="button"
          className="presenter-toggle"
          aria-pressed={presenting}
          onClick={toggle}
          title="Large type, high contrast and live-demo hotkeys"
        >
          Presenter mode
        </button>
        <BreakpointPicker store={breakpoints} />
      </div>
      <BreakpointNoticeBanner store={breakpoints} />
      {presenting && <HotkeyLegend docked />}
      <Toast toast={toast} />
    </section>
  );
}
