// Each mounted simulation gets its own store (a factory behind a context, as xyflow does), so
// an embed, a presenter view and each test can run their own.

import { createContext, useContext } from "react";
import { useStore } from "zustand";
import type { SimStore, SimStoreApi } from "../store/index.ts";

export const SimContext = createContext<SimStoreApi | null>(null);

export function useSimApi(): SimStoreApi {
  const api = useContext(SimContext);
  if (!api) throw new Error("useSim must be used inside a <SimContext.Provider>");
  return api;
}

export function useSim<T>(selector: (s: SimStore) => T): T {
  return useStore(useSimApi(), selector);
}
