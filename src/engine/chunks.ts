// Append-only lists kept in fixed-size chunks, so that a checkpoint copies one partial chunk
// instead of the whole list: full chunks are never changed once full, and are shared. Used by
// the logs' segments and the auditor's ledgers, which grow for as long as a run lasts.

/** Items per chunk: copying one partial chunk per checkpoint stays cheap, walking chunks too. */
export const CHUNK_SIZE = 256;

/** Appends in place: only the last chunk is changed, and only while it is not full. */
export function pushChunked<T>(chunks: T[][], item: T): void {
  const last = chunks[chunks.length - 1];
  if (last && last.length < CHUNK_SIZE) last.push(item);
  else chunks.push([item]);
}

/** Splits items into fresh chunks (none empty). */
export function toChunks<T>(items: readonly T[]): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK_SIZE) chunks.push(items.slice(i, i + CHUNK_SIZE));
  return chunks;
}

/** The items as one new array. */
export function flattenChunks<T>(chunks: readonly (readonly T[])[]): T[] {
  const out: T[] = [];
  for (const chunk of chunks) for (const item of chunk) out.push(item);
  return out;
}

export function chunkedLength(chunks: readonly (readonly unknown[])[]): number {
  let n = 0;
  for (const chunk of chunks) n += chunk.length;
  return n;
}

/**
 * A copy that may be appended to without changing the original: the chunk list and its last
 * chunk are copied, the full chunks before it are shared.
 */
export function copyChunked<T>(chunks: readonly T[][]): T[][] {
  const copy = chunks.slice();
  const last = copy.length - 1;
  if (last >= 0) copy[last] = copy[last]!.slice();
  return copy;
}
