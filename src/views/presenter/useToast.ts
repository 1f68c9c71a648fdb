import { useCallback, useEffect, useState } from "react";

export interface ToastMessage {
  text: string;
  /** Bumps on every message, so the same text twice shows (and times out) twice. */
  id: number;
}

/** A short confirmation that hides itself after `ms` of wall time. */
export function useToast(ms = 2500): [ToastMessage | null, (text: string) => void] {
  const [toast, setToast] = useState<ToastMessage | null>(null);
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), ms);
    return () => clearTimeout(timer);
  }, [toast, ms]);
  const show = useCallback(
    (text: string) => setToast((prev) => ({ text, id: (prev?.id ?? 0) + 1 })),
    [],
  );
  return [toast, show];
}
