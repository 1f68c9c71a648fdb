import { useEffect } from "react";
import { useSimApi } from "./SimContext.tsx";

/** Space plays or pauses, the arrows step; ignored while typing in a field. */
export function useKeyboardShortcuts(): void {
  const api = useSimApi();
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const target = e.target as HTMLElement | null;
      if (
        target &&
        (target.tagName === "INPUT" ||
          target.tagName === "TEXTAREA" ||
          target.tagName === "SELECT" ||
          target.isContentEditable)
      )
        return;
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const s = api.getState();
      if (e.key === " " && target?.tagName !== "BUTTON") {
        e.preventDefault();
        s.togglePlay();
      } else if (e.key === "ArrowRight") {
        e.preventDefault();
        s.stepForward();
      } else if (e.key === "ArrowLeft") {
        e.preventDefault();
        s.stepBack();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [api]);
}
