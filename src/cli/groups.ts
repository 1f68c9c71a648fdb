// Consumer groups as kafka-consumer-groups --describe shows them: per partition the owner,
// CURRENT-OFFSET (committed), LOG-END-OFFSET and LAG, with the group's state and generation.

import { OFFSETS_TOPIC, groupOffsets, type SimState } from "../engine/index.ts";

export interface GroupSummary {
  groupId: string;
  state: string;
  generation: number;
  coordinator: number;
  protocol: string;
  assignor: string | null;
  members: {
    id: string;
    consumer: string;
    status: string;
    memberState: string;
    assignment: string[];
  }[];
  offsets: {
    topic: string;
    partition: number;
    committed: number | null;
    logEndOffset: number;
    lag: number | null;
    consumer: string | null;
    position: number | null;
  }[];
  lag: number;
}

export function groupSummaries(state: SimState): GroupSummary[] {
  return Object.values(state.groups)
    .sort((a, b) => (a.groupId < b.groupId ? -1 : 1))
    .map((g) => {
      const offsets = groupOffsets(state, g.groupId).map((o) => ({
        topic: o.topic,
        partition: o.partition,
        committed: o.committed,
        logEndOffset: o.logEndOffset,
        lag: o.lag,
        consumer: o.owner,
        position: o.position,
      }));
      return {
        groupId: g.groupId,
        state: g.state,
        generation: g.generation,
        coordinator: g.coordinator,
        protocol: g.protocol,
        assignor: g.assignor,
        members: g.memberOrder.map((id) => {
          const m = g.members[id]!;
          const c = state.consumers[m.consumer];
          return {
            id,
            consumer: m.consumer,
            status: c?.status ?? "gone",
            memberState: c && c.memberId === id ? c.memberState : "gone",
            assignment: m.assignment.slice(),
          };
        }),
        offsets,
        lag: offsets.reduce((n, o) => n + (o.lag ?? 0), 0),
      };
    });
}

const cell = (v: number | string | null): string => (v === null ? "-" : String(v));

export function describeGroups(state: SimState): string[] {
  const out: string[] = [];
  for (const g of groupSummaries(state)) {
    const p = state.topics[OFFSETS_TOPIC]?.partitions.length ?? 0;
    out.push(
      `Consumer group: ${g.groupId}\tState: ${g.state}\tGeneration: ${g.generation}\tCoordinator: broker ${g.coordinator < 0 ? "none" : g.coordinator} (${OFFSETS_TOPIC}, ${p} partitions)\tAssignor: ${g.assignor ?? "-"} (${g.protocol})\tLag: ${g.lag}`,
    );
    const rows: string[][] = [
      ["TOPIC", "PARTITION", "CURRENT-OFFSET", "LOG-END-OFFSET", "LAG", "CONSUMER", "POSITION"],
    ];
    for (const o of g.offsets)
      rows.push([
        o.topic,
        String(o.partition),
        cell(o.committed),
        String(o.logEndOffset),
        cell(o.lag),
        cell(o.consumer),
        cell(o.position),
      ]);
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
    for (const r of rows)
      out.push(`  ${r.map((c, i) => c.padEnd(widths[i]!)).join("  ")}`.trimEnd());
    out.push("  members:");
    if (g.members.length === 0) out.push("    none");
    for (const m of g.members)
      out.push(
        `    ${m.consumer} (${m.id}, ${m.status}, ${m.memberState}): ${m.assignment.length === 0 ? "idle, no partition" : m.assignment.join(", ")}`,
      );
    out.push("");
  }
  return out;
}
