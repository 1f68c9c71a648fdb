import { describe, expect, it } from "vitest";
import type { SimEvent, TimedCommand } from "../../src/store/index.ts";
import { MAX_MARKERS, markerTracker, markers } from "../../src/views/time/markers.ts";

const killed = (time: number, broker: number): SimEvent => ({ type: "brokerKilled", time, broker });
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

describe("the timeline's marks, kept up to date", () => {
  it("say what a full read says as the history grows, loses its oldest events or is cut", () => {
    const track = markerTracker();
    const history: SimEvent[] = [];
    const commands: TimedCommand[] = [];
    expect(track(history, commands)).toEqual([]);
    history.push(killed(1_000, 1), elected(2_000, 0), elected(2_000, 1));
    expect(track(history, commands)).toEqual(markers(history, commands));
    // The last mark of a moment grows when more of that moment comes.
    history.push(elected(2_000, 2));
    commands.push({ at: 2_500, command: { type: "killBroker", broker: 2 } });
    expect(track(history, commands)).toEqual(markers(history, commands));
    expect(track(history, commands).find((m) => m.kind === "election")!.label).toMatch(
      /\(and 2 more\)$/,
    );
    // The oldest events dropped (the history has a cap): the newer ones are still read.
    history.splice(0, 1);
    history.push(killed(3_000, 3));
    const marks = track(history, commands);
    expect(marks.map((m) => [m.time, m.kind])).toEqual([
      [1_000, "fault"],
      [2_000, "election"],
      [2_500, "command"],
      [3_000, "fault"],
    ]);
    // A fork cuts the history's end: the marks are read again.
    history.length = 2;
    expect(track(history, commands)).toEqual(markers(history, commands));
  });

  it("return the same array while nothing new came", () => {
    const track = markerTracker();
    const history = [killed(1_000, 1)];
    const first = track(history, []);
    expect(track(history, [])).toBe(first);
    // A restart is not a mark.
    history.push({ type: "brokerRestarted", time: 1_500, broker: 2 });
    expect(track(history, [])).toBe(first);
  });

  it("keep the newest marks only", () => {
    const track = markerTracker();
    const history: SimEvent[] = [];
    for (let i = 0; i < MAX_MARKERS + 10; i++) history.push(killed(i * 10, 1));
    const marks = track(history, []);
    expect(marks).toHaveLength(MAX_MARKERS);
    expect(marks[0]!.time).toBe(100);
  });
});
