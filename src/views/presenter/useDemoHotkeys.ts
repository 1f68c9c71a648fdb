import { useEffect, useRef } from "react";
import { hotkeyAction, type Command, type SimState } from "../../store/index.ts";

/** Whether a key press belongs to a field being typed in (text, a select's type-ahead). */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target.tagName === "TEXTAREA" || target.tagName === "SELECT") return true;
  if (target instanceof HTMLInputElement)
    // A checkbox or a slider takes no digits or letters: the demo keeps going after a click on one.
    return !["checkbox", "radio", "range", "button", "submit", "reset"].includes(target.type);
  return false;
}

/**
 * The live-demo keys (1-9, P, C, X) while `enabled`: each issues its command through `issue`,
 * so it lands on the timeline, and reports what it did. Space and the arrows are the time
 * controls' own shortcuts.
 */
export function useDemoHotkeys(
  enabled: boolean,
  state: () => SimState,
  issue: (command: Command) => void,
  report: (message: string) => void,
): void {
  // The latest callbacks, without re-adding the listener on every render.
  const latest = useRef({ state, issue, report });
  useEffect(() => {
    latest.current = { state, issue, report };
  });
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.repeat || typing(e.target)) return;
      const { state, issue, report } = latest.current;
      const action = hotkeyAction(e.key, state());
      if (!action) return;
      e.preventDefault();
      if (action.command) issue(action.command);
      report(action.message);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [enabled]);
}
