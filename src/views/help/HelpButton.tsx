import { useEffect, useState } from "react";
import { ignoresShortcuts } from "../useKeyboardShortcuts.ts";
import { ShortcutsDialog } from "./ShortcutsDialog.tsx";

/** The "?" button, and the "?" key, that open the list of keyboard shortcuts. */
export function HelpButton() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== "?" || e.ctrlKey || e.metaKey || e.altKey || ignoresShortcuts(e.target)) return;
      e.preventDefault();
      setOpen(true);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return (
    <>
      <button
        type="button"
        className="help-button"
        aria-label="Keyboard shortcuts"
        aria-keyshortcuts="?"
        title="Keyboard shortcuts (?)"
        onClick={() => setOpen(true)}
      >
        ?
      </button>
      <ShortcutsDialog open={open} onClose={() => setOpen(false)} />
    </>
  );
}
