import { describe, expect, it } from "vitest";
import { consumer, fill, groupSim } from "./groups/groupFixtures.ts";

describe("committed offsets and kafka-consumer-groups --reset-offsets", () => {
  it("reset-offsets is refused while the group has members, in Kafka's words", () => {
    const sim = groupSim(1, [consumer("c1", "g")]).at(3000);
    sim.command({ type: "resetOffsets", groupId: "g", to: "earliest" });
    expect(sim.rejected()[0]?.message).toBe(
      "Assignments can only be reset if the group 'g' is inactive, but the current state is Stable.",
    );
  });

  it("a reset to earliest of an Empty group re-delivers everything, counted with the cause", () => {
    const sim = fill(groupSim(1, [consumer("c1", "g")]), 1, 10).at(8000);
    sim.command({ type: "removeConsumer", consumer: "c1" }).at(9000);
    expect(sim.group("g").state).toBe("Empty");
    expect(sim.group("g").committed["orders-0"]).toBe(10);
    sim.command({ type: "resetOffsets", groupId: "g", to: "earliest" });
    expect(sim.group("g").committed["orders-0"]).toBe(0);
    sim.command({ type: "addConsumer", consumer: consumer("c2", "g") }).at(15_000);
    const r = sim.audit().redelivered[0]!;
    expect(r.count).toBe(10);
    expect(r.examples[0]).toMatchObject({ cause: "resetOffsets", firstOffset: 0, lastOffset: 9 });
  });

  it("resets to an offset, to latest, and to a time (the first record at or after it)", () => {
    const sim = groupSim(1, [consumer("c1", "g")]).at(1000);
    sim.produce("p", "k", { count: 5, partition: 0 }).at(5000);
    sim.produce("p", "k", { count: 5, partition: 0 }).at(8000);
    sim.command({ type: "removeConsumer", consumer: "c1" }).at(9000);
    sim.command({ type: "resetOffsets", groupId: "g", topic: "orders", to: "offset", offset: 3 });
    expect(sim.group("g").committed["orders-0"]).toBe(3);
    sim.command({ type: "resetOffsets", groupId: "g", to: "timestamp", timestamp: 3000 });
    expect(sim.group("g").committed["orders-0"]).toBe(5);
    sim.command({ type: "resetOffsets", groupId: "g", to: "latest" });
    expect(sim.group("g").committed["orders-0"]).toBe(10);
  });

  it("a crash between processing and commit re-delivers from the last commit, with the cause", () => {
    const sim = groupSim(1, [
      consumer("c1", "g", { autoCommitIntervalMs: 60_000 }),
      consumer("c2", "g", { autoCommitIntervalMs: 60_000 }),
    ]).at(2000);
    const owner = sim.consumer("c1").assignment.length > 0 ? "c1" : "c2";
    fill(sim, 1, 10).at(4000);
    expect(sim.consumer(owner).consumed).toBe(10);
    sim.command({ type: "crashConsumer", consumer: owner }).at(15_000);
    const r = sim.audit().redelivered[0]!;
    expect(r.count).toBe(10);
    expect(r.examples[0]!.cause).toBe(`${owner} crashed before committing`);
  });
});
