// Array edits for the hot paths.

/** `list.splice(i, 1)` without building the array of removed items (one per message). */
export function removeAt<T>(list: T[], i: number): void {
  const last = list.length - 1;
  for (let j = i; j < last; j++) list[j] = list[j + 1]!;
  list.pop();
}
