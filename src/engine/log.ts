// A replica's log: segments of records, the leader-epoch cache, and the idempotent producer
// state rebuilt from it. Records are immutable and shared between replicas. A segment holds its
// records in chunks of RECORD_CHUNK; only the last chunk of the active (last) segment is appended
// to in place. Every other chunk, and every closed segment, is replaced, never mutated, so that
// checkpoints share them: a checkpoint copies one partial chunk per replica, not its whole log.

import { CHUNK_SIZE, copyChunked, flattenChunks, pushChunked, toChunks } from "./chunks.ts";
import { producerIdKey } from "./intern.ts";
import type { LogRecord, ProducerBatchEntry, ReplicaState, Segment, VirtualMs } from "./types.ts";

/** Kafka keeps the last five batches per producer id to recognise retries (KIP-98). */
export const PRODUCER_BATCHES_KEPT = 5;

/**
 * The key of a producer id in a replica's producer state. Not the bare number: a map with an
 * integer key such as 1000 is stored by JavaScript engines as a sparse array of that length,
 * and every checkpoint copied it (kilobytes per replica per checkpoint).
 */
export function producerKey(producerId: number): string {
  return producerIdKey(producerId);
}

/** Records per chunk of a segment. */
export const RECORD_CHUNK = CHUNK_SIZE;

/** A segment's records as one new array (for the rare whole-segment rewrites and readers). */
export function segmentRecords(seg: Segment): LogRecord[] {
  return flattenChunks(seg.chunks);
}

export function firstRecordOf(seg: Segment): LogRecord | undefined {
  return seg.chunks[0]?.[0];
}

export function lastRecordOf(seg: Segment): LogRecord | undefined {
  const chunk = seg.chunks[seg.chunks.length - 1];
  return chunk?.[chunk.length - 1];
}

/** A copy of the segment holding exactly `records` (a rewrite: compaction, log start moves). */
export function withRecords(seg: Segment, records: readonly LogRecord[]): Segment {
  return { ...seg, chunks: toChunks(records), bytes: records.reduce((n, rec) => n + rec.bytes, 0) };
}

/** A copy of the segment that may be appended to without touching the original. */
export function ownSegment(seg: Segment): Segment {
  return { ...seg, chunks: copyChunked(seg.chunks) };
}

export function emptyReplica(brokerId: number): ReplicaState {
  return {
    brokerId,
    segments: [],
    logStartOffset: 0,
    logEndOffset: 0,
    highWatermark: 0,
    epochs: [],
    role: "none",
    knownLeader: -1,
    knownLeaderEpoch: -1,
    followers: {},
    knownIsr: [],
    pendingIsr: null,
    producers: {},
    lastCleanedOffset: 0,
  };
}

export function activeSegment(r: ReplicaState): Segment | undefined {
  return r.segments[r.segments.length - 1];
}

/**
 * Appends one record (its offset must be the LEO or above, after compaction gaps never below).
 * Rolls a new segment when segment.bytes or segment.ms would be exceeded.
 */
export function appendRecord(
  r: ReplicaState,
  record: LogRecord,
  now: VirtualMs,
  segmentBytes: number,
  segmentMs: number,
): boolean {
  let seg = activeSegment(r);
  let rolled = false;
  if (
    !seg ||
    (seg.chunks.length > 0 &&
      (seg.bytes + record.bytes > segmentBytes || now - seg.createdAt >= segmentMs))
  ) {
    seg = {
      baseOffset: record.offset,
      chunks: [],
      bytes: 0,
      createdAt: now,
      maxTimestamp: record.timestamp,
    };
    r.segments.push(seg);
    rolled = r.segments.length > 1;
  }
  if (seg.chunks.length === 0) {
    seg.baseOffset = record.offset;
    seg.createdAt = now;
  }
  pushChunked(seg.chunks, record);
  seg.bytes += record.bytes;
  if (record.timestamp > seg.maxTimestamp) seg.maxTimestamp = record.timestamp;
  const last = r.epochs[r.epochs.length - 1];
  if (!last || last.epoch < record.leaderEpoch)
    r.epochs.push({ epoch: record.leaderEpoch, startOffset: record.offset });
  r.logEndOffset = record.offset + 1;
  return rolled;
}

/** Index of the first record with offset >= `offset` within a chunk (binary search: compaction leaves gaps). */
function lowerBound(records: readonly LogRecord[], offset: number): number {
  let lo = 0;
  let hi = records.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (records[mid]!.offset < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first chunk holding a record with offset >= `offset` (chunks.length if none). */
function chunkIndex(chunks: readonly (readonly LogRecord[])[], offset: number): number {
  let lo = 0;
  let hi = chunks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const chunk = chunks[mid]!;
    if (chunk[chunk.length - 1]!.offset < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Records from `offset` up to `endOffset` (exclusive), at most `maxBytes` (at least one record). */
export function readRecords(
  r: ReplicaState,
  offset: number,
  endOffset: number,
  maxBytes: number,
): LogRecord[] {
  const out: LogRecord[] = [];
  if (offset >= endOffset) return out;
  let bytes = 0;
  let si = r.segments.length - 1;
  while (si > 0 && r.segments[si]!.baseOffset > offset) si--;
  for (si = Math.max(si, 0); si < r.segments.length; si++) {
    const chunks = r.segments[si]!.chunks;
    let ci = chunkIndex(chunks, offset);
    let i = ci < chunks.length ? lowerBound(chunks[ci]!, offset) : 0;
    for (; ci < chunks.length; ci++, i = 0) {
      const chunk = chunks[ci]!;
      for (; i < chunk.length; i++) {
        const rec = chunk[i]!;
        if (rec.offset >= endOffset) return out;
        if (out.length > 0 && bytes + rec.bytes > maxBytes) return out;
        out.push(rec);
        bytes += rec.bytes;
      }
    }
  }
  return out;
}

export function recordAt(r: ReplicaState, offset: number): LogRecord | undefined {
  if (offset < r.logStartOffset || offset >= r.logEndOffset) return undefined;
  let si = r.segments.length - 1;
  while (si > 0 && r.segments[si]!.baseOffset > offset) si--;
  const seg = r.segments[si];
  if (!seg) return undefined;
  const chunk = seg.chunks[chunkIndex(seg.chunks, offset)];
  if (!chunk) return undefined;
  const rec = chunk[lowerBound(chunk, offset)];
  return rec && rec.offset === offset ? rec : undefined;
}

/**
 * recordAt for many lookups in rising offset order (the auditor's sweep of a ledger): it walks
 * the log forward once instead of searching it again per offset. A lookup below the previous
 * one falls back to recordAt.
 */
export function recordCursor(r: ReplicaState): (offset: number) => LogRecord | undefined {
  let si = 0;
  let ci = 0;
  let ri = 0;
  let last = -Infinity;
  return (offset) => {
    if (offset < last) return recordAt(r, offset);
    last = offset;
    if (offset < r.logStartOffset || offset >= r.logEndOffset) return undefined;
    const segments = r.segments;
    while (si + 1 < segments.length && segments[si + 1]!.baseOffset <= offset) {
      si++;
      ci = 0;
      ri = 0;
    }
    const seg = segments[si];
    if (!seg) return undefined;
    const chunks = seg.chunks;
    for (; ci < chunks.length; ci++, ri = 0) {
      const chunk = chunks[ci]!;
      if (chunk[chunk.length - 1]!.offset < offset) continue;
      while (chunk[ri]!.offset < offset) ri++;
      const rec = chunk[ri]!;
      return rec.offset === offset ? rec : undefined;
    }
    return undefined;
  };
}

export function lastRecord(r: ReplicaState): LogRecord | undefined {
  for (let si = r.segments.length - 1; si >= 0; si--) {
    const rec = lastRecordOf(r.segments[si]!);
    if (rec) return rec;
  }
  return undefined;
}

/** The epoch of the last record in the log, or -1 for an empty log (Kafka's lastFetchedEpoch). */
export function latestEpoch(r: ReplicaState): number {
  return r.epochs[r.epochs.length - 1]?.epoch ?? -1;
}

/**
 * OffsetsForLeaderEpoch as the leader answers it (KIP-101/279): the largest epoch <= asked that
 * this log knows, and its end offset (the next epoch's start offset, or the LEO for the latest).
 * An epoch older than every one this log still knows (their segments were deleted) ends where
 * the first known epoch starts (Kafka's LeaderEpochFileCache.endOffsetFor).
 */
export function endOffsetForEpoch(
  r: ReplicaState,
  epoch: number,
): { epoch: number; endOffset: number } {
  let idx = -1;
  for (let i = r.epochs.length - 1; i >= 0; i--) {
    if (r.epochs[i]!.epoch <= epoch) {
      idx = i;
      break;
    }
  }
  if (idx < 0) {
    const first = r.epochs[0];
    return epoch >= 0 && first
      ? { epoch, endOffset: first.startOffset }
      : { epoch: -1, endOffset: -1 };
  }
  const next = r.epochs[idx + 1];
  return { epoch: r.epochs[idx]!.epoch, endOffset: next ? next.startOffset : r.logEndOffset };
}

/** Removes every record at or above `offset`; returns how many were removed. */
export function truncateTo(r: ReplicaState, offset: number): number {
  if (offset >= r.logEndOffset) {
    // Nothing to remove, but an epoch that starts here (assigned when it last led) goes.
    while (
      r.epochs.length > 0 &&
      r.epochs[r.epochs.length - 1]!.startOffset >= Math.max(offset, r.logStartOffset) &&
      offset <= r.logEndOffset
    )
      r.epochs.pop();
    return 0;
  }
  let removed = 0;
  while (r.segments.length > 0) {
    let seg = r.segments[r.segments.length - 1]!;
    const ci = chunkIndex(seg.chunks, offset);
    if (ci < seg.chunks.length) {
      // Replace, never mutate: checkpoints share closed segments and full chunks.
      const chunk = seg.chunks[ci]!;
      const i = lowerBound(chunk, offset);
      const chunks = seg.chunks.slice(0, ci);
      if (i > 0) chunks.push(chunk.slice(0, i));
      let cutBytes = 0;
      for (let k = ci; k < seg.chunks.length; k++) {
        const gone = seg.chunks[k]!;
        for (let j = k === ci ? i : 0; j < gone.length; j++) {
          cutBytes += gone[j]!.bytes;
          removed++;
        }
      }
      seg = { ...seg, chunks, bytes: seg.bytes - cutBytes };
      r.segments[r.segments.length - 1] = seg;
    }
    if (seg.chunks.length === 0 && seg.baseOffset >= offset && r.segments.length > 1)
      r.segments.pop();
    else break;
  }
  // The segment left last takes the next appends, and it may be a closed one checkpoints share.
  const tail = r.segments.length - 1;
  if (tail >= 0) r.segments[tail] = ownSegment(r.segments[tail]!);
  r.logEndOffset = Math.max(offset, r.logStartOffset);
  if (r.highWatermark > r.logEndOffset) r.highWatermark = r.logEndOffset;
  // LogCleanerManager.maybeTruncateCheckpoint: what comes in after the cut is not clean yet.
  if (r.lastCleanedOffset > r.logEndOffset) r.lastCleanedOffset = r.logEndOffset;
  while (r.epochs.length > 0 && r.epochs[r.epochs.length - 1]!.startOffset >= r.logEndOffset)
    r.epochs.pop();
  rebuildProducerState(r);
  return removed;
}

/** Tracks a newly appended batch for the idempotence check. */
export function recordProducerBatch(
  r: ReplicaState,
  producerId: number,
  entry: ProducerBatchEntry,
): void {
  if (producerId < 0) return;
  const key = producerKey(producerId);
  let list = r.producers[key] ?? (r.producers[key] = []);
  // A new producer epoch starts a fresh history (its sequences restart at 0).
  if (list.length > 0 && list[list.length - 1]!.producerEpoch !== entry.producerEpoch)
    list = r.producers[key] = [];
  list.push(entry);
  if (list.length > PRODUCER_BATCHES_KEPT) list.shift();
}

/** After truncation, the producer state is rebuilt from what is left in the log, as Kafka does on recovery. */
export function rebuildProducerState(r: ReplicaState): void {
  const wanted = Object.keys(r.producers);
  if (wanted.length === 0) return;
  const producers: Record<string, ProducerBatchEntry[]> = {};
  const lastBatch: Record<string, number> = {};
  let complete = 0;
  for (let si = r.segments.length - 1; si >= 0 && complete < wanted.length; si--) {
    const chunks = r.segments[si]!.chunks;
    for (let ci = chunks.length - 1; ci >= 0; ci--) {
      const chunk = chunks[ci]!;
      for (let k = chunk.length - 1; k >= 0; k--) {
        const rec = chunk[k]!;
        if (rec.producerId < 0) continue;
        const key = producerKey(rec.producerId);
        if (lastBatch[key] === -1) continue;
        const list = producers[key] ?? (producers[key] = []);
        const first = list[0];
        if (
          (first && first.producerEpoch !== rec.producerEpoch) ||
          (lastBatch[key] !== rec.batchId && list.length >= PRODUCER_BATCHES_KEPT)
        ) {
          // Only the latest epoch's last five batches count.
          lastBatch[key] = -1;
          complete++;
        } else if (first && lastBatch[key] === rec.batchId) {
          first.firstSeq = rec.sequence;
          first.firstOffset = rec.offset;
        } else {
          list.unshift({
            producerEpoch: rec.producerEpoch,
            firstSeq: rec.sequence,
            lastSeq: rec.sequence,
            firstOffset: rec.offset,
          });
          lastBatch[key] = rec.batchId;
        }
      }
    }
  }
  r.producers = producers;
}

export function logSizeBytes(r: ReplicaState): number {
  let total = 0;
  for (const seg of r.segments) total += seg.bytes;
  return total;
}

/** Approximate record size: Kafka's v2 record overhead plus key, value and headers. */
export function recordBytes(
  key: string | null,
  value: string | null,
  headers: Record<string, string>,
): number {
  let bytes = 20 + (key?.length ?? 0) + (value?.length ?? 0);
  for (const k in headers) bytes += k.length + headers[k]!.length + 2;
  return bytes;
}
