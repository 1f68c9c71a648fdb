import { useRef } from "react";
import type { SimStore } from "../store/index.ts";
import { useSim } from "./SimContext.tsx";

/**
 * Like useSim, for selectors that build new arrays or objects from the engine state (which the
 * engine mutates in place): the previous value is kept while its JSON is unchanged, so a view
 * re-renders only when what it draws changed, not on every frame.
 */
export function useSimStable<T>(selector: (s: SimStore) => T): T {
  const previous = useRef<{ json: string; value: T } | null>(null);
  return useSim((s) => {
    const value = selector(s);
    const json = JSON.stringify(value);
    if (previous.current?.json === json) return previous.current.value;
    previous.current = { json, value };
    return value;
  });
}
