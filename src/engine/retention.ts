// Log retention and compaction, run by every broker on its own replicas every
// log.retention.check.interval.ms (Kafka's UnifiedLog.deleteOldSegments and the log cleaner).

import { emit, schedule, type Ctx } from "./context.ts";
import { onCompacted, onSegmentsDeleted } from "./audit.ts";
import { firstRecordOf, lastRecordOf, logSizeBytes, segmentRecords, withRecords } from "./log.ts";
import type { LogRecord, PartitionState, ReplicaState, Segment, TopicState } from "./types.ts";

/** A prefix of segments qualifies for deletion, and only below the high watermark. */
function deleteSegments(ctx: Ctx, t: TopicState, p: PartitionState, r: ReplicaState): void {
  const now = ctx.state.time;
  const cfg = t.config;
  let reason: "retention.ms" | "retention.bytes" = "retention.ms";
  let count = 0;
  let excess = cfg.retentionBytes >= 0 ? logSizeBytes(r) - cfg.retentionBytes : 0;
  while (r.segments.length > 0) {
    const seg = r.segments[0]!;
    const isActive = r.segments.length === 1;
    const last = lastRecordOf(seg);
    if (!last) break;
    if (last.offset >= r.highWatermark) break;
    const byTime = cfg.retentionMs >= 0 && now - seg.maxTimestamp > cfg.retentionMs;
    const bySize = excess > 0 && seg.bytes <= excess && !isActive;
    if (!byTime && !bySize) break;
    if (!byTime) reason = "retention.bytes";
    excess -= seg.bytes;
    count++;
    if (isActive) {
      // Even the active segment goes when expired and below the HW: an empty one is rolled first.
      r.segments = [
        { baseOffset: r.logEndOffset, chunks: [], bytes: 0, createdAt: now, maxTimestamp: 0 },
      ];
      r.logStartOffset = r.logEndOffset;
      break;
    }
    r.segments.shift();
    r.logStartOffset = firstRecordOf(r.segments[0]!)?.offset ?? r.segments[0]!.baseOffset;
  }
  if (count === 0) return;
  const logStartOffset = r.logStartOffset;
  const time = now;
  emit(ctx, () => ({
    type: "segmentsDeleted",
    time,
    topic: p.topic,
    partition: p.partition,
    broker: r.brokerId,
    segments: count,
    logStartOffset,
    reason,
  }));
  if (r.role === "leader") onSegmentsDeleted(ctx, p);
}

/**
 * The log cleaner: in the closed segments below the HW, keep only the latest record for each
 * key (offsets keep their gaps). A tombstone survives its first cleaning, which stamps it with
 * a delete horizon delete.retention.ms ahead (KIP-534); a later cleaning past that drops it.
 * Cleaning starts when the dirty part reaches min.cleanable.dirty.ratio.
 */
function compact(ctx: Ctx, t: TopicState, p: PartitionState, r: ReplicaState): void {
  const now = ctx.state.time;
  const closed = r.segments.slice(0, -1);
  if (closed.length === 0) return;
  const active = r.segments[r.segments.length - 1]!;
  const cleanableEnd = Math.min(active.baseOffset, r.highWatermark);
  let total = 0;
  let dirty = 0;
  for (const seg of closed) {
    for (const chunk of seg.chunks)
      for (const rec of chunk) {
        if (rec.offset >= cleanableEnd) continue;
        total += rec.bytes;
        if (rec.offset >= r.lastCleanedOffset) dirty += rec.bytes;
      }
  }
  if (total === 0 || dirty / total < t.config.minCleanableDirtyRatio) return;
  const latest: Record<string, number> = {};
  for (const seg of closed)
    for (const chunk of seg.chunks)
      for (const rec of chunk)
        if (rec.key !== null && rec.offset < cleanableEnd) latest[rec.key] = rec.offset;
  let removed = 0;
  let tombstonesRemoved = 0;
  const keep = (rec: LogRecord): boolean => {
    if (rec.offset >= cleanableEnd || rec.key === null) return true;
    if (latest[rec.key] !== rec.offset) {
      removed++;
      return false;
    }
    if (rec.value === null && rec.deleteHorizonMs !== undefined && now >= rec.deleteHorizonMs) {
      tombstonesRemoved++;
      return false;
    }
    return true;
  };
  const stamp = (rec: LogRecord): LogRecord =>
    rec.value === null && rec.deleteHorizonMs === undefined && rec.offset < cleanableEnd
      ? { ...rec, deleteHorizonMs: now + t.config.deleteRetentionMs }
      : rec;
  const cleaned: Segment[] = closed.map((seg) =>
    withRecords(seg, segmentRecords(seg).filter(keep).map(stamp)),
  );
  r.segments = [...cleaned.filter((seg) => seg.chunks.length > 0), active];
  // The log start offset stays: only whole-segment deletion moves it, never compaction.
  r.lastCleanedOffset = cleanableEnd;
  if (removed + tombstonesRemoved === 0) return;
  const time = now;
  emit(ctx, () => ({
    type: "logCompacted",
    time,
    topic: p.topic,
    partition: p.partition,
    broker: r.brokerId,
    removed,
    tombstonesRemoved,
  }));
  onCompacted(ctx, p, r.brokerId, r.role === "leader");
}

export function handleRetentionCheck(ctx: Ctx): void {
  const s = ctx.state;
  schedule(ctx, s.time + s.config.logRetentionCheckIntervalMs, { kind: "retentionCheck" });
  for (const t of Object.values(s.topics)) {
    const policy = t.config.cleanupPolicy;
    for (const p of t.partitions) {
      for (const id of p.replicas) {
        const b = s.brokers[String(id)];
        const r = p.replicaStates[String(id)];
        if (!b || !r || b.status === "offline") continue;
        if (policy !== "compact") deleteSegments(ctx, t, p, r);
        if (policy !== "delete") compact(ctx, t, p, r);
      }
    }
  }
}
