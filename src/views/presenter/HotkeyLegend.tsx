import { HOTKEYS } from "../../store/index.ts";
import "./presenter.css";

/**
 * What each live-demo key does, on screen for the presenter and the room; `docked` pins it to
 * the foot of the screen.
 */
export function HotkeyLegend({ docked = false }: { docked?: boolean }) {
  return (
    <aside className={docked ? "hotkey-legend docked" : "hotkey-legend"} aria-label="Hotkeys">
      <h2>Hotkeys</h2>
      <ul>
        {HOTKEYS.map((h) => (
          <li key={h.keys}>
            <kbd>{h.keys}</kbd> {h.action}
          </li>
        ))}
      </ul>
    </aside>
  );
}
