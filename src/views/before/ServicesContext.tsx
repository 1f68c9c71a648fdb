// The comparison's store, handed down by context (each mounted page gets its own store).

import { createContext, useContext } from "react";
import { useStore } from "zustand";
import type { ServicesStore, ServicesStoreApi } from "../../store/index.ts";

export const ServicesContext = createContext<ServicesStoreApi | null>(null);

export function useServicesApi(): ServicesStoreApi {
  const api = useContext(ServicesContext);
  if (!api) throw new Error("useServices must be used inside a <ServicesContext.Provider>");
  return api;
}

export function useServices<T>(selector: (s: ServicesStore) => T): T {
  return useStore(useServicesApi(), selector);
}
