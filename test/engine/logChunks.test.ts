import { describe, expect, it } from "vitest";
import {
  appendRecord,
  emptyReplica,
  ownSegment,
  readRecords,
  recordAt,
  recordCursor,
  RECORD_CHUNK,
  segmentRecords,
  truncateTo,
} from "../../src/engine/log.ts";
import type { LogRecord, ReplicaState } from "../../src/engine/types.ts";

function rec(offset: number): LogRecord {
  return {
    offset,
    key: `k${offset % 7}`,
    value: "v",
    headers: {},
    timestamp: offset,
    leaderEpoch: 0,
    producerId: -1,
    producerEpoch: -1,
    sequence: -1,
    batchId: offset,
    bytes: 10,
    recordId: offset,
  };
}

function logOf(count: number, segmentBytes = 1e9): ReplicaState {
  const r = emptyReplica(1);
  for (let o = 0; o < count; o++) appendRecord(r, rec(o), o, segmentBytes, 1e12);
  return r;
}

/** A checkpoint's view of the replica, as cloneState takes it: closed segments shared. */
function checkpointOf(r: ReplicaState): ReplicaState {
  const last = r.segments.length - 1;
  return { ...r, segments: r.segments.map((s, i) => (i === last ? ownSegment(s) : s)) };
}

const offsets = (r: ReplicaState): number[] =>
  r.segments.flatMap((s) => segmentRecords(s).map((x) => x.offset));

describe("a segment's records in chunks", () => {
  it("fills chunks of RECORD_CHUNK records and reads across their edges", () => {
    const n = RECORD_CHUNK * 3 + 17;
    const r = logOf(n);
    expect(r.segments).toHaveLength(1);
    expect(r.segments[0]!.chunks.map((c) => c.length)).toEqual([
      RECORD_CHUNK,
      RECORD_CHUNK,
      RECORD_CHUNK,
      17,
    ]);
    for (const o of [0, RECORD_CHUNK - 1, RECORD_CHUNK, 2 * RECORD_CHUNK + 5, n - 1])
      expect(recordAt(r, o)?.offset).toBe(o);
    expect(recordAt(r, n)).toBeUndefined();
    const read = readRecords(r, RECORD_CHUNK - 3, 2 * RECORD_CHUNK + 3, 1e9).map((x) => x.offset);
    expect(read).toHaveLength(RECORD_CHUNK + 6);
    expect(read[0]).toBe(RECORD_CHUNK - 3);
    expect(read[read.length - 1]).toBe(2 * RECORD_CHUNK + 2);
    const at = recordCursor(r);
    for (let o = 0; o < n; o += 37) expect(at(o)?.offset).toBe(o);
  });

  it("shares full chunks with a checkpoint, which later appends and truncation leave alone", () => {
    const r = logOf(RECORD_CHUNK * 2 + 10);
    const cp = checkpointOf(r);
    expect(cp.segments[0]!.chunks[0]).toBe(r.segments[0]!.chunks[0]);
    expect(cp.segments[0]!.chunks[2]).not.toBe(r.segments[0]!.chunks[2]);
    const before = offsets(cp);
    for (let o = RECORD_CHUNK * 2 + 10; o < RECORD_CHUNK * 3 + 5; o++)
      appendRecord(r, rec(o), o, 1e9, 1e12);
    expect(truncateTo(r, RECORD_CHUNK + 100)).toBe(RECORD_CHUNK * 2 - 95);
    expect(offsets(r)).toEqual(before.slice(0, RECORD_CHUNK + 100));
    expect(r.segments[0]!.bytes).toBe((RECORD_CHUNK + 100) * 10);
    expect(offsets(cp)).toEqual(before);
    expect(cp.segments[0]!.bytes).toBe(before.length * 10);
  });

  it("copies a closed segment that truncation makes active before appending to it", () => {
    const r = logOf(7, 30); // segments [0-2] [3-5] [6]
    const cp = checkpointOf(r);
    truncateTo(r, 6);
    expect(r.segments).toHaveLength(2);
    // A larger segment.bytes (altered since) lets the next record join the segment [3-5].
    appendRecord(r, rec(6), 6, 1e9, 1e12);
    expect(r.segments.map((s) => segmentRecords(s).length)).toEqual([3, 4]);
    expect(cp.segments.map((s) => segmentRecords(s).length)).toEqual([3, 3, 1]);
    expect(cp.segments[1]!.bytes).toBe(30);
  });
});
