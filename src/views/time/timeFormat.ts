// Virtual time for people: short where a glance is enough (notices, the timeline's end).

/** m:ss.s, e.g. 0:12.4 (the clock itself shows milliseconds). */
export function formatMoment(ms: number): string {
  const tenths = Math.floor(ms / 100);
  const minutes = Math.floor(tenths / 600);
  const seconds = (tenths - minutes * 600) / 10;
  return `${minutes}:${seconds.toFixed(1).padStart(4, "0")}`;
}
