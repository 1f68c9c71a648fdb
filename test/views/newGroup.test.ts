import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../src/scenario/url/canonicalJson.ts";
import { openBuiltinScenario } from "../../src/store/open.ts";
import { readPayload, toPayload } from "../../src/scenario/url/sharedRun.ts";
import { openShareLink, shareLinkFor } from "../../src/store/share.ts";
import {
  definedConsumers,
  nextConsumerSpec,
  plannedConsumerIds,
} from "../../src/views/clients/groupView.ts";
import { newGroupCommands, type NewGroupInput } from "../../src/views/clients/newGroup.ts";

type State = ReturnType<ReturnType<typeof open>["store"]["getState"]>["run"]["state"];

function comparable(state: State): string {
  const queue = state.queue.map((e) => canonicalJson([e.at, e.seq, e.task])).sort();
  return canonicalJson({ ...state, queue });
}

function open() {
  const opened = openBuiltinScenario("default");
  if (!opened.ok) throw new Error(opened.errors.join("\n"));
  return opened;
}

const input = (over: Partial<NewGroupInput> = {}): NewGroupInput => ({
  groupId: "billing",
  topics: ["orders"],
  members: 2,
  assignor: "roundrobin",
  ...over,
});

describe("the Add a consumer group form", () => {
  it("builds one addConsumer per member, named <group>-n, with the chosen assignor", () => {
    const { store } = open();
    const topic = Object.keys(store.getState().run.state.topics).find((t) => !t.startsWith("__"))!;
    const r = newGroupCommands(store.getState().run.state, input({ topics: [topic] }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.commands.map((c) => c.consumer.id)).toEqual(["billing-1", "billing-2"]);
    expect(r.commands[0]!.consumer).toMatchObject({
      groupId: "billing",
      topics: [topic],
      config: { partitionAssignmentStrategy: ["roundrobin"] },
    });
  });

  it("refuses an empty, malformed, taken or reserved group id with a readable message", () => {
    const { store } = open();
    const s = store.getState();
    const topic = Object.keys(s.run.state.topics).find((t) => !t.startsWith("__"))!;
    const ok = newGroupCommands(s.run.state, input({ topics: [topic] }));
    if (!ok.ok) throw new Error(JSON.stringify(ok.errors));
    for (const c of ok.commands) s.issue(c);
    const errorOf = (groupId: string) => {
      const r = newGroupCommands(store.getState().run.state, input({ groupId, topics: [topic] }));
      return r.ok ? null : (r.errors.groupId ?? null);
    };
    expect(errorOf("  ")).toMatch(/Give the group an id/);
    expect(errorOf("my group")).toMatch(/no spaces/);
    expect(errorOf("billing")).toMatch(/already exists/);
    expect(errorOf("constructor")).toMatch(/keeps for itself/);
    // Not a group, but its member ids would clash with billing's members.
    expect(errorOf("billing-1")).toBeNull();
    const planned = newGroupCommands(
      store.getState().run.state,
      input({ groupId: "audit", topics: [topic] }),
      new Set(["audit-2"]),
    );
    expect(planned.ok ? null : planned.errors.groupId).toMatch(/audit-2 already exists/);
  });

  it("refuses no topic, an unknown topic, a member count out of range and an unknown assignor", () => {
    const s = open().store.getState().run.state;
    const r1 = newGroupCommands(s, input({ topics: [], members: 0, assignor: "fastest" }));
    expect(r1.ok).toBe(false);
    if (r1.ok) return;
    expect(r1.errors.topics).toMatch(/at least one topic/);
    expect(r1.errors.members).toMatch(/from 1 to/);
    expect(r1.errors.assignor).toMatch(/Choose an assignor/);
    const r2 = newGroupCommands(s, input({ topics: ["nope"], members: 2.5 }));
    expect(r2.ok).toBe(false);
    if (r2.ok) return;
    expect(r2.errors.topics).toBe("There is no topic nope.");
    expect(r2.errors.members).toMatch(/whole number/);
  });

  it("a group added from the form survives a share link: same commands, same engine state", async () => {
    const { store, scenario } = open();
    const s = store.getState();
    s.seek(2_000);
    const topic = Object.keys(s.run.state.topics).find((t) => !t.startsWith("__"))!;
    const r = newGroupCommands(
      s.run.state,
      input({ topics: [topic], assignor: "range,cooperative-sticky" }),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    for (const c of r.commands) s.issue(c);
    expect(store.getState().error).toBeNull();
    s.seek(5_000);
    // The group panel's "+ Add a consumer" copies the form's member: that survives a link too.
    const run = store.getState().run;
    const timeline = [...run.spec.timeline, ...run.commands];
    const third = nextConsumerSpec(
      run.state,
      "billing",
      definedConsumers(run.spec.consumers, timeline),
      plannedConsumerIds(timeline),
    );
    expect(third?.id).toBe("billing-3");
    s.issue({ type: "addConsumer", consumer: third! });
    s.seek(8_000);
    expect(Object.keys(store.getState().run.state.groups["billing"]!.members)).toHaveLength(3);
    const group = store.getState().run.state.groups["billing"];
    expect(group?.state).toBe("Stable");
    const link = await shareLinkFor(scenario, store);
    if (!link.ok) throw new Error(link.message);
    const reopened = openShareLink(`#${link.fragment}`);
    if (!reopened.ok) throw new Error(reopened.problem.message);
    const back = reopened.store.getState().run;
    expect(back.commands.map((c) => canonicalJson(c))).toEqual(
      store.getState().run.commands.map((c) => canonicalJson(c)),
    );
    // Same moment, same state; the queue compared as a set of (time, seq, task): the heap's
    // array layout depends on the path taken (checkpoints, replays), its pop order does not.
    expect(comparable(back.state)).toBe(comparable(store.getState().run.state));
    expect(back.state.groups["billing"]?.state).toBe("Stable");
  });

  it("a link whose added consumer names a missing topic or assignor is refused, with where", () => {
    const { scenario } = open();
    const topic = scenario.topics[0]!.name;
    const command = {
      type: "addConsumer" as const,
      consumer: {
        id: "audit-1",
        groupId: "audit",
        topics: [topic],
        processingMsPerRecord: 1,
        config: { partitionAssignmentStrategy: ["sticky" as const] },
      },
    };
    const made = toPayload({
      scenario,
      commands: [{ at: 0, command }],
      time: 0,
      playing: false,
      speed: 1,
      embed: false,
    });
    if (!made.ok) throw new Error(made.message);
    expect(made.payload.commands[0]).toEqual({
      at: 0,
      do: "addConsumer",
      consumer: "audit-1",
      groupId: "audit",
      topics: [topic],
      config: { "partition.assignment.strategy": ["sticky"] },
    });
    expect(readPayload(made.payload).ok).toBe(true);
    const bad = structuredClone(made.payload) as unknown as {
      commands: { topics: string[]; config: Record<string, unknown> }[];
    };
    bad.commands[0]!.topics = ["nowhere"];
    bad.commands[0]!.config["partition.assignment.strategy"] = ["fastest"];
    const read = readPayload(bad);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    const paths = read.problem.details.map((d) => d.path).join(" ");
    expect(paths).toMatch(/commands.*topics/);
    expect(paths).toMatch(/partition\.assignment\.strategy/);
  });
});
