// Lines said at the same moment in the same words, told once with their count: a connection
// that closes fails every request on it at once, and five identical lines hide the rest.

export interface FeedRow<E> {
  event: E;
  text: string;
  count: number;
}

/** Runs of events (newest first) with the same time and the same sentence, folded into one. */
export function foldRepeats<E extends { time: number }>(
  events: readonly E[],
  say: (e: E) => string,
): FeedRow<E>[] {
  const rows: FeedRow<E>[] = [];
  for (const event of events) {
    const text = say(event);
    const last = rows[rows.length - 1];
    if (last && last.event.time === event.time && last.text === text) last.count++;
    else rows.push({ event, text, count: 1 });
  }
  return rows;
}
