// The keyboard shortcuts, as data: the dialog lists them, the handlers match on the same keys.

export interface Shortcut {
  /** As shown to the user. */
  keys: string;
  action: string;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: "Space", action: "Play or pause" },
  { keys: "→", action: "Step forward to the next event" },
  { keys: "←", action: "Step back to the previous event" },
  { keys: "+ or −", action: "Faster or slower" },
  { keys: "V", action: "Switch between the picture and the tables" },
  { keys: "?", action: "Show this list" },
  { keys: "Tab, Shift+Tab", action: "Move between controls; Enter or Space presses one" },
  { keys: "Esc", action: "Close a dialog" },
];
