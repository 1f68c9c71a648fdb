import { useState } from "react";

const PREFIX = "brokerlab:";

function read<T>(key: string, fallback: T, accept: (v: unknown) => v is T): T {
  try {
    const raw = window.localStorage.getItem(PREFIX + key);
    if (raw === null) return fallback;
    const value: unknown = JSON.parse(raw);
    return accept(value) ? value : fallback;
  } catch {
    // Storage can be disabled or full (private windows): the choice then lasts for the page.
    return fallback;
  }
}

/** A view preference kept across visits in localStorage; a value that fails `accept` is ignored. */
export function useRemembered<T>(
  key: string,
  fallback: T,
  accept: (v: unknown) => v is T,
): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(() => read(key, fallback, accept));
  const remember = (next: T): void => {
    setValue(next);
    try {
      window.localStorage.setItem(PREFIX + key, JSON.stringify(next));
    } catch {
      // As above: not remembered, still applied.
    }
  };
  return [value, remember];
}
