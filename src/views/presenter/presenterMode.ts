import { useEffect } from "react";

const PARAM = "present";

/** `?present` in the address opens presenter mode. */
export function presentingInUrl(): boolean {
  return new URLSearchParams(window.location.search).has(PARAM);
}

/** Keeps `?present` in the address in step with the toggle, so a reload stays in presenter mode. */
export function setPresentingInUrl(on: boolean): void {
  const url = new URL(window.location.href);
  if (on) url.searchParams.set(PARAM, "");
  else url.searchParams.delete(PARAM);
  window.history.replaceState(window.history.state, "", url);
}

/** Large type and high contrast: a class on the root element that presenter.css keys on. */
export function usePresenterClass(on: boolean): void {
  useEffect(() => {
    if (!on) return;
    const root = document.documentElement;
    root.classList.add("presenter");
    return () => root.classList.remove("presenter");
  }, [on]);
}
