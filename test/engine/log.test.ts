import { describe, expect, it } from "vitest";
import {
  appendRecord,
  emptyReplica,
  endOffsetForEpoch,
  latestEpoch,
  readRecords,
  recordAt,
  recordBytes,
  recordProducerBatch,
  truncateTo,
} from "../../src/engine/log.ts";
import type { LogRecord, ReplicaState } from "../../src/engine/types.ts";

function rec(offset: number, epoch: number, extra: Partial<LogRecord> = {}): LogRecord {
  return {
    offset,
    key: "k",
    value: "v",
    headers: {},
    timestamp: offset * 10,
    leaderEpoch: epoch,
    producerId: -1,
    producerEpoch: -1,
    sequence: -1,
    batchId: offset,
    bytes: 10,
    recordId: offset + 1000,
    ...extra,
  };
}

/** A log holding `offsets` with the given epoch per offset; segment.bytes = 30 (three records). */
function logOf(epochs: number[], segmentBytes = 30): ReplicaState {
  const r = emptyReplica(1);
  epochs.forEach((epoch, offset) =>
    appendRecord(r, rec(offset, epoch), offset * 10, segmentBytes, 1e9),
  );
  return r;
}

describe("segments", () => {
  it("roll when the next record would pass segment.bytes", () => {
    const r = logOf([0, 0, 0, 0, 0, 0, 0]);
    expect(r.segments.map((s) => [s.baseOffset, s.chunks.flat().length, s.bytes])).toEqual([
      [0, 3, 30],
      [3, 3, 30],
      [6, 1, 10],
    ]);
    expect(r.logEndOffset).toBe(7);
  });

  it("roll when segment.ms has passed since the segment's first append", () => {
    const r = emptyReplica(1);
    const rolled = [0, 1, 2, 3].map((o) => appendRecord(r, rec(o, 0), o * 400, 1e9, 1000));
    expect(rolled).toEqual([false, false, false, true]);
    expect(r.segments.map((s) => s.baseOffset)).toEqual([0, 3]);
  });
});

describe("reading", () => {
  it("reads from an offset up to an end, at most maxBytes but always at least one record", () => {
    const r = logOf([0, 0, 0, 0, 0, 0, 0]);
    expect(readRecords(r, 2, 6, 1000).map((x) => x.offset)).toEqual([2, 3, 4, 5]);
    expect(readRecords(r, 2, 7, 25).map((x) => x.offset)).toEqual([2, 3]);
    expect(readRecords(r, 2, 7, 1).map((x) => x.offset)).toEqual([2]);
    expect(readRecords(r, 7, 7, 1000)).toEqual([]);
  });

  it("finds records across compaction gaps", () => {
    const r = emptyReplica(1);
    for (const o of [0, 3, 4, 9]) appendRecord(r, rec(o, 0), 0, 30, 1e9);
    expect(recordAt(r, 3)?.offset).toBe(3);
    expect(recordAt(r, 5)).toBeUndefined();
    expect(recordAt(r, 9)?.offset).toBe(9);
    expect(readRecords(r, 1, 10, 1000).map((x) => x.offset)).toEqual([3, 4, 9]);
  });
});

describe("the leader epoch cache", () => {
  it("records where each epoch starts", () => {
    const r = logOf([0, 0, 2, 2, 2, 5]);
    expect(r.epochs).toEqual([
      { epoch: 0, startOffset: 0 },
      { epoch: 2, startOffset: 2 },
      { epoch: 5, startOffset: 5 },
    ]);
    expect(latestEpoch(r)).toBe(5);
    expect(latestEpoch(emptyReplica(1))).toBe(-1);
  });

  it("answers OffsetsForLeaderEpoch with the largest epoch at or below the one asked, and its end", () => {
    const r = logOf([0, 0, 2, 2, 2, 5]);
    expect(endOffsetForEpoch(r, 0)).toEqual({ epoch: 0, endOffset: 2 });
    // Epoch 1 was never in this log: the answer is epoch 0 and where it ended (KIP-279).
    expect(endOffsetForEpoch(r, 1)).toEqual({ epoch: 0, endOffset: 2 });
    expect(endOffsetForEpoch(r, 4)).toEqual({ epoch: 2, endOffset: 5 });
    // The latest epoch ends at the log end offset.
    expect(endOffsetForEpoch(r, 5)).toEqual({ epoch: 5, endOffset: 6 });
    expect(endOffsetForEpoch(r, 9)).toEqual({ epoch: 5, endOffset: 6 });
    // Older than anything this log knows: it ends where the first known epoch starts.
    expect(endOffsetForEpoch(logOf([3, 3]), 1)).toEqual({ epoch: 1, endOffset: 0 });
    expect(endOffsetForEpoch(emptyReplica(1), 1)).toEqual({ epoch: -1, endOffset: -1 });
  });

  it("truncation removes records and the epochs that started at or after the cut", () => {
    const r = logOf([0, 0, 2, 2, 2, 5]);
    r.highWatermark = 6;
    expect(truncateTo(r, 3)).toBe(3);
    expect(r.logEndOffset).toBe(3);
    expect(r.highWatermark).toBe(3);
    expect(r.epochs).toEqual([
      { epoch: 0, startOffset: 0 },
      { epoch: 2, startOffset: 2 },
    ]);
    expect(readRecords(r, 0, 10, 1e9).map((x) => x.offset)).toEqual([0, 1, 2]);
    expect(r.segments.map((s) => s.chunks.flat().length)).toEqual([3]);
    expect(truncateTo(r, 5)).toBe(0);
  });
});

describe("idempotent producer state", () => {
  const idem = (offset: number, batchId: number, sequence: number, producerEpoch = 0) =>
    rec(offset, 0, { producerId: 7, producerEpoch, sequence, batchId });

  it("keeps the last five batches per producer id", () => {
    const r = emptyReplica(1);
    for (let b = 0; b < 7; b++)
      recordProducerBatch(r, 7, {
        producerEpoch: 0,
        firstSeq: b * 2,
        lastSeq: b * 2 + 1,
        firstOffset: b * 2,
      });
    expect(r.producers["p7"]!.map((e) => e.firstSeq)).toEqual([4, 6, 8, 10, 12]);
  });

  it("a new producer epoch starts a new history", () => {
    const r = emptyReplica(1);
    recordProducerBatch(r, 7, { producerEpoch: 0, firstSeq: 0, lastSeq: 1, firstOffset: 0 });
    recordProducerBatch(r, 7, { producerEpoch: 1, firstSeq: 0, lastSeq: 0, firstOffset: 2 });
    expect(r.producers["p7"]).toEqual([
      { producerEpoch: 1, firstSeq: 0, lastSeq: 0, firstOffset: 2 },
    ]);
  });

  it("is rebuilt from the log after truncation: the latest epoch's last batches", () => {
    const r = emptyReplica(1);
    const records = [
      idem(0, 1, 0),
      idem(1, 1, 1),
      idem(2, 2, 2),
      idem(3, 3, 0, 1),
      idem(4, 3, 1, 1),
      idem(5, 4, 2, 1),
      idem(6, 5, 3, 1),
    ];
    for (const x of records) {
      appendRecord(r, x, 0, 1e9, 1e9);
      recordProducerBatch(r, 7, {
        producerEpoch: x.producerEpoch,
        firstSeq: x.sequence,
        lastSeq: x.sequence,
        firstOffset: x.offset,
      });
    }
    truncateTo(r, 6);
    expect(r.producers["p7"]).toEqual([
      { producerEpoch: 1, firstSeq: 0, lastSeq: 1, firstOffset: 3 },
      { producerEpoch: 1, firstSeq: 2, lastSeq: 2, firstOffset: 5 },
    ]);
  });

  it("record size counts Kafka's per-record overhead, key, value and headers", () => {
    expect(recordBytes("k", "vvvv", {})).toBe(25);
    expect(recordBytes(null, null, { h: "x" })).toBe(24);
  });
});

describe("truncation and the cleaner's checkpoint", () => {
  it("moves the checkpoint back to the cut: records appended after it are not clean yet", () => {
    const r = logOf([0, 0, 0, 0, 0, 0, 0, 0]);
    r.lastCleanedOffset = 6;
    truncateTo(r, 4);
    expect(r.lastCleanedOffset).toBe(4);
    const below = emptyReplica(2);
    below.lastCleanedOffset = 2;
    appendRecord(below, rec(0, 0), 0, 30, 1e9);
    appendRecord(below, rec(1, 0), 0, 30, 1e9);
    appendRecord(below, rec(2, 0), 0, 30, 1e9);
    truncateTo(below, 3);
    expect(below.lastCleanedOffset).toBe(2);
  });
});
