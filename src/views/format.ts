// Small pure formatting helpers shared by several views.

export function formatTime(ms: number): string {
  const totalSeconds = ms / 1000;
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds - minutes * 60;
  return `${minutes}:${seconds.toFixed(3).padStart(6, "0")}`;
}

export function formatSpeed(speed: number): string {
  return speed >= 1 ? `${Number(speed.toFixed(1))}x` : `1/${Math.round(1 / speed)}x`;
}
