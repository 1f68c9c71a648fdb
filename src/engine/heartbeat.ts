// The consumer's background heartbeat thread (keeps the session alive, learns of rebalances,
// enforces max.poll.interval.ms) and LeaveGroup.

import { schedule, type Ctx } from "./context.ts";
import { removeMember } from "./coordinator.ts";
import type { ConsumerState } from "./groupTypes.ts";
import { coordinatorReachable, groupOf, revokeFrom } from "./membership.ts";
import type { SimState } from "./types.ts";

function live(s: SimState, id: string, incarnation: number): ConsumerState | undefined {
  const c = s.consumers[id];
  return c && c.incarnation === incarnation && c.status !== "crashed" ? c : undefined;
}

/** LeaveGroup (dynamic members only: a static member is removed when its session expires). */
export function leaveNow(ctx: Ctx, c: ConsumerState): void {
  const g = groupOf(ctx.state, c);
  if (c.config.groupInstanceId === null && c.memberId && coordinatorReachable(ctx.state, c) >= 0)
    removeMember(ctx, g, c.memberId, "left");
  else revokeFrom(ctx, c, c.assignment.slice(), "lost", `${c.id} closed`);
}

/** The heartbeat thread: keeps the session alive, learns of rebalances, checks max.poll.interval.ms. */
export function handleHeartbeat(ctx: Ctx, id: string, incarnation: number): void {
  const s = ctx.state;
  const c = live(s, id, incarnation);
  if (!c || c.status === "closed") return;
  schedule(ctx, s.time + c.config.heartbeatIntervalMs, {
    kind: "consumerHeartbeat",
    consumer: c.id,
    incarnation: c.incarnation,
  });
  if (c.memberId === "" || coordinatorReachable(s, c) < 0) return;
  const g = groupOf(s, c);
  const m = g.members[c.memberId];
  if (!m) {
    // UNKNOWN_MEMBER_ID: the coordinator dropped it; it lost its partitions and rejoins on poll.
    revokeFrom(ctx, c, c.assignment.slice(), "lost", `${c.id} was no longer a member`);
    c.memberId = "";
    c.memberState = "unjoined";
    c.generation = -1;
    return;
  }
  if (s.time - c.lastPollAt > c.config.maxPollIntervalMs) {
    // The poll timer expired: a dynamic member leaves at once; a static one stops heartbeating.
    if (c.config.groupInstanceId === null) removeMember(ctx, g, c.memberId, "max.poll.interval.ms");
    return;
  }
  m.lastHeartbeat = s.time;
  if (g.state === "PreparingRebalance" && !m.joined) c.rejoinNeeded = true;
}
