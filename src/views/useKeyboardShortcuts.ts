import { useEffect } from "react";
import { useSimApi } from "./SimContext.tsx";
import { fasterSpeed, slowerSpeed } from "./time/speeds.ts";

const TYPED_INPUTS = new Set(["text", "search", "email", "number", "password", "tel", "url"]);

/**
 * Whether a key press belongs to where it happened: typing in a field, or any key inside an
 * open dialog (which has its own keys: Escape, Tab).
 */
export function ignoresShortcuts(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.closest("dialog")) return true;
  if (target.tagName === "TEXTAREA" || target.tagName === "SELECT") return true;
  return target instanceof HTMLInputElement && TYPED_INPUTS.has(target.type);
}

/** Elements that Space presses or toggles by itself: Space stays theirs. */
function ownsSpace(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (["BUTTON", "A", "SUMMARY"].includes(target.tagName)) return true;
  return target instanceof HTMLInputElement && ["checkbox", "radio"].includes(target.type);
}

/** Elements whose arrow keys move something of their own (a slider's value). */
function ownsArrows(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement && target.type === "range";
}

/** Space plays or pauses, the arrows step, + and − change the speed; not while typing. */
export function useKeyboardShortcuts(): void {
  const api = useSimApi();
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.altKey || e.ctrlKey || e.metaKey || ignoresShortcuts(e.target)) return;
      const s = api.getState();
      if (e.key === " " && !ownsSpace(e.target)) {
        e.preventDefault();
        s.togglePlay();
      } else if (e.key === "ArrowRight" && !ownsArrows(e.target)) {
        e.preventDefault();
        s.stepForward();
      } else if (e.key === "ArrowLeft" && !ownsArrows(e.target)) {
        e.preventDefault();
        s.stepBack();
      } else if (e.key === "+" || e.key === "=") {
        e.preventDefault();
        s.setSpeed(fasterSpeed(s.speed));
      } else if (e.key === "-" || e.key === "_") {
        e.preventDefault();
        s.setSpeed(slowerSpeed(s.speed));
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [api]);
}
