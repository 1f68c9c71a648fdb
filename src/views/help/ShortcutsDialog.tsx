import { useEffect, useRef, type KeyboardEvent } from "react";
import { MARKER_NAMES, type MarkerKind } from "../time/markers.ts";
import { SHORTCUTS } from "./shortcuts.ts";
import "./help.css";

const FOCUSABLE = "button, [href], input, select, textarea, [tabindex]:not([tabindex='-1'])";

/**
 * Tab from the last control goes to the first, Shift+Tab from the first to the last: the page
 * behind is inert, but without this the focus would leave for the browser's own toolbar.
 */
function trapTab(e: KeyboardEvent<HTMLDialogElement>): void {
  if (e.key !== "Tab") return;
  const items = [...e.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const first = items[0];
  const last = items[items.length - 1];
  if (!first || !last) return;
  const active = document.activeElement;
  if (e.shiftKey && (active === first || active === e.currentTarget)) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && active === last) {
    e.preventDefault();
    first.focus();
  }
}

/**
 * The keyboard shortcuts in a modal <dialog>: showModal() makes the rest of the page inert,
 * Tab cycles inside it, and Escape closes it; the focus returns to where it was.
 */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    const opener = document.activeElement as HTMLElement | null;
    dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      opener?.focus();
    };
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="shortcuts-dialog"
      aria-labelledby="shortcuts-title"
      onClose={onClose}
      onKeyDown={trapTab}
      onClick={(e) => {
        // A click on the backdrop (the dialog element itself, outside its content) closes it.
        if (e.target === e.currentTarget) onClose();
      }}
    >
      <div className="shortcuts-content">
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <table className="shortcuts">
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.keys}>
                <th scope="row">
                  <kbd>{s.keys}</kbd>
                </th>
                <td>{s.action}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="shortcuts-note">
          Shortcuts do not fire while you type in a field. Click a line of the event feed or a mark
          on the timeline to go to its moment.
        </p>
        <h3>Marks on the timeline</h3>
        <ul className="marker-legend">
          {(Object.keys(MARKER_NAMES) as MarkerKind[]).map((k) => (
            <li key={k}>
              <span className={`marker marker-${k}`} aria-hidden="true" /> {MARKER_NAMES[k]}
            </li>
          ))}
        </ul>
        <form method="dialog">
          <button type="submit" className="primary" autoFocus>
            Close
          </button>
        </form>
      </div>
    </dialog>
  );
}
