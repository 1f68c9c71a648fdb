// Plain-language lines for the consumer half's events.

import type { GroupEvent, SimEvent } from "./events.ts";

const GROUP_EVENT_TYPES: ReadonlySet<string> = new Set<GroupEvent["type"]>([
  "consumerAdded",
  "consumerStatusChanged",
  "consumerError",
  "memberJoined",
  "memberLeft",
  "memberEvicted",
  "staticMemberRejoined",
  "rebalanceStarted",
  "groupStable",
  "groupEmpty",
  "partitionsAssigned",
  "partitionsRevoked",
  "offsetCommitted",
  "offsetCommitFailed",
  "offsetReset",
  "recordsConsumed",
  "recordsRedelivered",
  "coordinatorMoved",
]);

export const isGroupEvent = (e: SimEvent): e is GroupEvent => GROUP_EVENT_TYPES.has(e.type);

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;
const list = (items: readonly string[]): string =>
  items.length === 0 ? "nothing" : items.join(", ");

/** A partition name split at its last dash: `orders-12` is topic `orders`, number 12. */
function splitPartition(name: string): [string, number] {
  const dash = name.lastIndexOf("-");
  return [name.slice(0, dash), Number(name.slice(dash + 1))];
}

/**
 * Partitions as a student reads them: a few by name, many as counted runs
 * (`200 partitions: orders-240 to orders-439`), so a large group's line stays one line.
 */
export function partitionList(items: readonly string[]): string {
  if (items.length <= 8) return list(items);
  // In topic and number order, so that orders-2 follows orders-1, not orders-19.
  const sorted = items
    .map((name) => ({ name, at: splitPartition(name) }))
    .sort((a, b) => (a.at[0] === b.at[0] ? a.at[1] - b.at[1] : a.at[0] < b.at[0] ? -1 : 1));
  const runs: string[] = [];
  let start = 0;
  for (let i = 1; i <= sorted.length; i++) {
    const [topic, n] = sorted[i - 1]!.at;
    const next = sorted[i]?.at;
    if (next && next[0] === topic && next[1] === n + 1) continue;
    const first = sorted[start]!.name;
    runs.push(i - 1 === start ? first : `${first} to ${sorted[i - 1]!.name}`);
    start = i;
  }
  const shown = runs.length > 6 ? [...runs.slice(0, 6), `and ${runs.length - 6} more runs`] : runs;
  return `${items.length} partitions: ${shown.join(", ")}`;
}

const STATUS_TEXT: Record<string, string> = {
  running: "is running again",
  paused: "paused fetching (it keeps polling, so it stays in the group)",
  stalled: "stopped calling poll(); max.poll.interval.ms will remove it from the group",
  crashed: "crashed: no commit, no LeaveGroup; the coordinator notices after session.timeout.ms",
  closed: "closed cleanly",
};

export function explainGroupEvent(e: GroupEvent): string {
  switch (e.type) {
    case "consumerAdded":
      return `Consumer ${e.consumer} started in group ${e.groupId}, subscribed to ${list(e.topics)}.`;
    case "consumerStatusChanged":
      return `Consumer ${e.consumer} ${STATUS_TEXT[e.status] ?? e.status}.`;
    case "consumerError":
      return `${e.error}: ${e.message}`;
    case "memberJoined":
      return `${e.consumer} joined group ${e.groupId} as ${e.isStatic ? "static " : ""}member ${e.memberId}.`;
    case "memberLeft":
      return `${e.consumer} left group ${e.groupId} (LeaveGroup): the coordinator rebalances at once.`;
    case "memberEvicted":
      return e.reason === "session.timeout.ms"
        ? `The coordinator removed ${e.consumer} from ${e.groupId}: no heartbeat within session.timeout.ms.`
        : `${e.consumer} was removed from ${e.groupId}: it did not call poll() within max.poll.interval.ms.`;
    case "staticMemberRejoined":
      return `Static member ${e.consumer} came back within session.timeout.ms: it got ${partitionList(e.partitions)} back without a rebalance.`;
    case "rebalanceStarted":
      return `Group ${e.groupId} started a rebalance (${e.reason}); ${e.protocol === "eager" ? "eager: every member revokes all its partitions first" : "cooperative: members keep what they own"}.`;
    case "groupStable":
      return `Group ${e.groupId} is Stable in generation ${e.generation} with ${plural(e.members, "member")} (leader ${e.leader}, assignor ${e.assignor})${e.idle.length > 0 ? `; idle with no partition: ${list(e.idle)}` : ""}.`;
    case "groupEmpty":
      return `Group ${e.groupId} has no members left (Empty); its committed offsets stay.`;
    case "partitionsAssigned":
      return `${e.consumer} was assigned ${partitionList(e.partitions)} (generation ${e.generation}).`;
    case "partitionsRevoked":
      return e.protocol === "lost"
        ? `${e.consumer} lost ${partitionList(e.partitions)} without committing.`
        : `${e.consumer} revoked ${partitionList(e.partitions)} (${e.protocol} rebalance).`;
    case "offsetCommitted":
      return `Group ${e.groupId} committed ${e.offsets} (by ${e.consumer}, stored on coordinator broker ${e.coordinator}).`;
    case "offsetCommitFailed":
      return `${e.consumer}: offset commit failed with ${e.error}; the records since the last commit may be read again.`;
    case "offsetReset":
      return `${e.consumer} starts ${e.partition} at offset ${e.offset}: ${e.reason}.`;
    case "recordsConsumed":
      return `${e.consumer} polled ${plural(e.count, "record")} of ${e.partition} from offset ${e.firstOffset}.`;
    case "recordsRedelivered":
      return `Group ${e.groupId} received ${plural(e.count, "record")} of ${e.partition} again from offset ${e.firstOffset} (${e.cause}).`;
    case "coordinatorMoved":
      return e.from < 0
        ? `Broker ${e.to} became coordinator of ${e.groupId} and loaded ${plural(e.offsetsLoaded, "committed offset")}.`
        : `The coordinator of ${e.groupId} moved from broker ${e.from} to broker ${e.to}, which loaded ${plural(e.offsetsLoaded, "committed offset")} from its copy of __consumer_offsets.`;
  }
}
