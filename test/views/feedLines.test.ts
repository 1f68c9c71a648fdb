import { describe, expect, it } from "vitest";
import type { SimEvent } from "../../src/engine/index.ts";
import { KIND_OF, type FeedKind } from "../../src/views/feed/eventKinds.ts";
import { feedLines } from "../../src/views/feed/feedLines.ts";
import { markers } from "../../src/views/time/markers.ts";

const killed = (time: number, broker: number): SimEvent => ({ type: "brokerKilled", time, broker });
const fetched = (time: number): SimEvent => ({
  type: "replicaFetched",
  time,
  topic: "orders",
  partition: 0,
  follower: 2,
  leader: 1,
  count: 1,
  logEndOffset: 1,
});
const elected = (time: number, partition: number): SimEvent => ({
  type: "leaderElected",
  time,
  topic: "orders",
  partition,
  leader: 2,
  previousLeader: 1,
  leaderEpoch: 1,
  election: "clean",
  isr: [2, 3],
});

const kinds = (...k: FeedKind[]): Set<FeedKind> => new Set(k);

describe("the event feed's lines", () => {
  const history = [killed(1_000, 1), elected(7_000, 0), elected(7_000, 1), killed(9_000, 2)];
  const recent = [fetched(6_500), fetched(7_000), fetched(8_000), fetched(9_500)];

  it("are the newest first, up to the moment shown, and never from its future", () => {
    const lines = feedLines(history, recent, 8_000, kinds("faults", "elections"), 10);
    expect(lines.map((e) => [e.time, e.type])).toEqual([
      [7_000, "leaderElected"],
      [7_000, "leaderElected"],
      [1_000, "brokerKilled"],
    ]);
  });

  it("keep only the chosen kinds, and merge the detail in time order when it is chosen", () => {
    expect(feedLines(history, recent, 20_000, kinds("faults"), 10).map((e) => e.time)).toEqual([
      9_000, 1_000,
    ]);
    const withDetail = feedLines(history, recent, 8_000, kinds("faults", "detail"), 10);
    expect(withDetail.map((e) => [e.time, KIND_OF[e.type]])).toEqual([
      [8_000, "detail"],
      [7_000, "detail"],
      [6_500, "detail"],
      [1_000, "faults"],
    ]);
  });

  it("stop at the limit", () => {
    expect(feedLines(history, recent, 20_000, kinds("faults", "elections"), 2)).toHaveLength(2);
  });
});

describe("the timeline's marks", () => {
  it("mark faults and elections once per moment, and every command with its time", () => {
    const marks = markers(
      [killed(1_000, 1), elected(7_000, 0), elected(7_000, 1)],
      [{ at: 1_000, command: { type: "killBroker", broker: 1 } }],
    );
    expect(marks.map((m) => [m.time, m.kind])).toEqual([
      [1_000, "fault"],
      [1_000, "command"],
      [7_000, "election"],
    ]);
    expect(marks[1]!.label).toBe("You: kill broker 1.");
    expect(marks[2]!.label).toMatch(/became leader of orders-0 .*\(and 1 more\)$/);
  });
});
