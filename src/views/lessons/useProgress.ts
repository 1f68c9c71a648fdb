// The student's progress, one store for the page, kept in localStorage.

import { useState } from "react";
import { useStore } from "zustand";
import {
  createProgressStore,
  type ProgressStore,
  type ProgressStorage,
  type ProgressStoreApi,
} from "../../store/index.ts";

/** localStorage, or nothing where the browser refuses it (a sandboxed frame, privacy modes). */
function browserStorage(): ProgressStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function useProgressStore(): ProgressStoreApi {
  const [store] = useState(() => createProgressStore(browserStorage()));
  return store;
}

export function useProgress<T>(store: ProgressStoreApi, selector: (s: ProgressStore) => T): T {
  return useStore(store, selector);
}
