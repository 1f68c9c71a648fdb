import { useEffect } from "react";
import { ignoresShortcuts } from "../useKeyboardShortcuts.ts";
import { useRemembered } from "./useRemembered.ts";

export type ClusterViewMode = "picture" | "tables";

const isMode = (v: unknown): v is ClusterViewMode => v === "picture" || v === "tables";

/** Picture or tables, remembered across visits; V switches. */
export function useViewMode(): [ClusterViewMode, (mode: ClusterViewMode) => void] {
  const [mode, setMode] = useRemembered<ClusterViewMode>("cluster-view", "picture", isMode);
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key.toLowerCase() !== "v" || e.ctrlKey || e.metaKey || e.altKey) return;
      if (ignoresShortcuts(e.target)) return;
      e.preventDefault();
      setMode(mode === "picture" ? "tables" : "picture");
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [mode, setMode]);
  return [mode, setMode];
}

/** Two pressed-or-not buttons: the picture of the cluster, or the same as Kafka's tables. */
export function ViewSwitch({
  mode,
  onChange,
}: {
  mode: ClusterViewMode;
  onChange: (mode: ClusterViewMode) => void;
}) {
  return (
    <div role="group" aria-label="Show the cluster as" className="view-switch">
      <button
        type="button"
        aria-pressed={mode === "picture"}
        aria-keyshortcuts="V"
        onClick={() => onChange("picture")}
      >
        Picture
      </button>
      <button
        type="button"
        aria-pressed={mode === "tables"}
        aria-keyshortcuts="V"
        onClick={() => onChange("tables")}
      >
        Tables
      </button>
    </div>
  );
}
