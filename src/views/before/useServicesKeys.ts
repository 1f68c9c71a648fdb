import { useEffect } from "react";
import { ignoresShortcuts } from "../useKeyboardShortcuts.ts";
import { useServicesApi } from "./ServicesContext.tsx";

/** Elements that Space presses or toggles by itself: Space stays theirs. */
function ownsSpace(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (["BUTTON", "A", "SUMMARY"].includes(target.tagName)) return true;
  return target instanceof HTMLInputElement && ["checkbox", "radio"].includes(target.type);
}

/** Space plays or pauses the comparison; not while typing, nor on a control that Space presses. */
export function useServicesKeys(): void {
  const api = useServicesApi();
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.altKey || e.ctrlKey || e.metaKey || e.repeat || ignoresShortcuts(e.target)) return;
      if (e.key !== " " || ownsSpace(e.target)) return;
      e.preventDefault();
      api.getState().togglePlay();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [api]);
}
