// What a consumer-group panel shows, built from the engine state as plain rows (so a panel
// re-renders only when one of them changed).

import type { Command, ConsumerSpec, ConsumerState, SimState } from "../../store/index.ts";

export interface MemberRow {
  id: string;
  status: ConsumerState["status"];
  /** What the member is doing in the group, in words. */
  state: string;
  partitions: string[];
  /** Why a live, stable member owns nothing, or null. */
  idle: string | null;
  processingMs: number;
  leader: boolean;
  strategy: string;
}

/** `billing-2` before `billing-10`. One collator: building one per comparison is slow. */
const byNumber = new Intl.Collator("en", { numeric: true, sensitivity: "base" }).compare;

export function consumersOf(s: SimState, groupId: string): ConsumerState[] {
  return Object.values(s.consumers)
    .filter((c) => c.groupId === groupId)
    .sort((a, b) => byNumber(a.id, b.id));
}

function memberStateText(c: ConsumerState): string {
  switch (c.status) {
    case "crashed":
      return "crashed (the coordinator notices after session.timeout.ms)";
    case "closed":
      return "closed (left the group)";
    case "stalled":
      return "stalled: not calling poll()";
    case "paused":
    case "running": {
      const paused = c.status === "paused" ? "paused, " : "";
      switch (c.memberState) {
        case "unjoined":
          return `${paused}starting`;
        case "joining":
          return `${paused}joining (JoinGroup)`;
        case "awaitingSync":
          return `${paused}syncing (SyncGroup)`;
        case "stable":
          return `${paused}stable`;
      }
    }
  }
}

/** Partitions of the topics the group subscribes to. */
function subscribedPartitions(s: SimState, topics: Iterable<string>): number {
  let n = 0;
  for (const t of new Set(topics)) n += s.topics[t]?.partitions.length ?? 0;
  return n;
}

export function memberRows(s: SimState, groupId: string): MemberRow[] {
  const g = s.groups[groupId];
  const consumers = consumersOf(s, groupId);
  const members = g ? Object.values(g.members) : [];
  const partitions = subscribedPartitions(
    s,
    members.flatMap((m) => m.subscription),
  );
  const leaderConsumer = g?.leader ? g.members[g.leader]?.consumer : undefined;
  return consumers.map((c) => {
    const live = c.status !== "crashed" && c.status !== "closed";
    const idle =
      live && c.memberState === "stable" && c.assignment.length === 0
        ? members.length > partitions
          ? `idle: ${members.length} members share ${partitions} partition${partitions === 1 ? "" : "s"}, and a partition has one owner in a group`
          : `idle: the ${g?.assignor ?? "group's"} assignor gave it no partition`
        : null;
    return {
      id: c.id,
      status: c.status,
      state: memberStateText(c),
      partitions: live ? c.assignment.slice().sort(byNumber) : [],
      idle,
      processingMs: c.processingMsPerRecord,
      leader: live && c.id === leaderConsumer,
      strategy: c.config.partitionAssignmentStrategy.join(","),
    };
  });
}

export function groupSummary(s: SimState, groupId: string) {
  const g = s.groups[groupId]!;
  const rebalancing = g.state === "PreparingRebalance" || g.state === "CompletingRebalance";
  const consumers = consumersOf(s, groupId).filter((c) => c.status !== "closed");
  const strategies = new Set(consumers.map((c) => c.config.partitionAssignmentStrategy.join(",")));
  return {
    state: g.state,
    generation: g.generation,
    protocol: g.protocol,
    assignor: g.assignor,
    coordinator: g.coordinator,
    members: Object.keys(g.members).length,
    rebalanceReason: rebalancing ? g.rebalanceReason : null,
    /** The members' partition.assignment.strategy if they agree, else "mixed". */
    strategy: strategies.size === 1 ? [...strategies][0]! : strategies.size === 0 ? "" : "mixed",
  };
}

/**
 * A new member of the group, as the scenario's own addConsumer makes one: the next free id
 * `<groupId>-<n>` (not taken now, nor by a consumer the scenario or the user adds at another
 * time), with the topics and config of the group's definition (the first consumer the scenario
 * defines for it), so a shared link replays the same consumer.
 */
export function nextConsumerSpec(
  s: SimState,
  groupId: string,
  defined: readonly ConsumerSpec[],
  reserved: ReadonlySet<string>,
): ConsumerSpec | null {
  const consumers = consumersOf(s, groupId);
  let n = consumers.length + 1;
  while (s.consumers[`${groupId}-${n}`] || reserved.has(`${groupId}-${n}`)) n++;
  const id = `${groupId}-${n}`;
  const template = defined.find((c) => c.groupId === groupId);
  if (template) {
    const instance = template.config?.groupInstanceId;
    const config = { ...template.config };
    // The scenario names a static member `<group.instance.id prefix>-<consumer id>`.
    if (typeof instance === "string") {
      const suffix = instance.endsWith(`-${template.id}`) ? template.id : "1";
      config.groupInstanceId = `${instance.slice(0, -suffix.length - 1)}-${id}`;
    }
    return { ...template, id, topics: [...template.topics], config };
  }
  const live = [...consumers].reverse().find((c) => c.status !== "closed") ?? consumers.at(-1);
  if (!live) return null;
  return {
    id,
    groupId,
    topics: live.topics.slice(),
    config: { ...live.config, groupInstanceId: null },
    processingMsPerRecord: live.processingMsPerRecord,
  };
}

/** The consumer specs the scenario defines, at the start and in its timeline. */
export function definedConsumers(
  initial: readonly ConsumerSpec[] | undefined,
  timeline: readonly { command: Command }[],
): ConsumerSpec[] {
  const out = [...(initial ?? [])];
  for (const { command } of timeline)
    if (command.type === "addConsumer") out.push(command.consumer);
  return out;
}

/** Consumer ids that the scenario's timeline or the user's commands add. */
export function plannedConsumerIds(timeline: readonly { command: Command }[]): Set<string> {
  const ids = new Set<string>();
  for (const { command } of timeline)
    if (command.type === "addConsumer") ids.add(command.consumer.id);
  return ids;
}
