import type { SimEvent } from "../../store/index.ts";

export type FeedKind =
  | "faults"
  | "elections"
  | "isr"
  | "errors"
  | "losses"
  | "rebalances"
  | "commits"
  | "other"
  | "detail";

/** The feed's filters, in the order shown. */
export const FEED_KINDS: readonly { kind: FeedKind; label: string }[] = [
  { kind: "faults", label: "Faults" },
  { kind: "elections", label: "Elections" },
  { kind: "isr", label: "ISR" },
  { kind: "errors", label: "Produce errors" },
  { kind: "losses", label: "Losses" },
  { kind: "rebalances", label: "Rebalances" },
  { kind: "commits", label: "Commits" },
  { kind: "other", label: "Other" },
  { kind: "detail", label: "Detail" },
];

/**
 * Shown until the user changes the filters: everything but the per-record detail and the
 * commits (a group with auto-commit commits every few seconds per member: they would bury the rest).
 */
export const DEFAULT_KINDS: readonly FeedKind[] = FEED_KINDS.map((k) => k.kind).filter(
  (k) => k !== "detail" && k !== "commits",
);

/** Every event type has a kind: a new event fails to compile here until it gets one. */
export const KIND_OF: Record<SimEvent["type"], FeedKind> = {
  commandApplied: "other",
  commandRejected: "errors",
  brokerKilled: "faults",
  brokerRestarted: "faults",
  brokerShutDown: "faults",
  brokerIsolated: "faults",
  brokerHealed: "faults",
  brokerSlowed: "faults",
  brokerAdded: "other",
  brokerFenced: "faults",
  brokerUnfenced: "faults",
  controllerElected: "elections",
  controllerLost: "faults",
  topicCreated: "other",
  topicConfigChanged: "other",
  leaderElected: "elections",
  partitionOffline: "losses",
  isrShrunk: "isr",
  isrExpanded: "isr",
  highWatermarkAdvanced: "detail",
  batchAppended: "detail",
  replicaFetched: "detail",
  recordsTruncated: "isr",
  duplicateDropped: "other",
  produceAcknowledged: "detail",
  produceRetried: "errors",
  produceFailed: "errors",
  duplicateWritten: "errors",
  recordsLost: "losses",
  segmentsDeleted: "other",
  logCompacted: "other",
  segmentRolled: "detail",
  simulationStalled: "errors",
  consumerAdded: "rebalances",
  consumerStatusChanged: "rebalances",
  consumerError: "errors",
  memberJoined: "rebalances",
  memberLeft: "rebalances",
  memberEvicted: "rebalances",
  staticMemberRejoined: "rebalances",
  rebalanceStarted: "rebalances",
  groupStable: "rebalances",
  groupEmpty: "rebalances",
  partitionsAssigned: "rebalances",
  partitionsRevoked: "rebalances",
  offsetCommitted: "commits",
  offsetCommitFailed: "commits",
  offsetReset: "commits",
  recordsConsumed: "detail",
  recordsRedelivered: "commits",
  coordinatorMoved: "rebalances",
};

/** How a line stands out: losses first, then errors; each has an icon and a word, not colour alone. */
export interface Severity {
  level: "loss" | "error";
  word: string;
}

const LOSS = (word: string): Severity => ({ level: "loss", word });
const ERROR = (word: string): Severity => ({ level: "error", word });

const SEVERITY: Partial<Record<SimEvent["type"], Severity>> = {
  recordsLost: LOSS("Data loss"),
  duplicateWritten: LOSS("Duplicate"),
  partitionOffline: ERROR("Unavailable"),
  controllerLost: ERROR("Unavailable"),
  produceFailed: ERROR("Error"),
  commandRejected: ERROR("Error"),
  consumerError: ERROR("Error"),
  offsetCommitFailed: ERROR("Error"),
  simulationStalled: ERROR("Error"),
};

export function severityOf(e: SimEvent): Severity | null {
  if (e.type === "leaderElected" && e.election === "unclean") return LOSS("Data loss");
  return SEVERITY[e.type] ?? null;
}

/** Worth saying aloud to a screen reader as it happens: faults, elections, losses, errors. */
export function isAnnounced(e: SimEvent): boolean {
  if (e.type === "leaderElected") return e.election !== "initial";
  const kind = KIND_OF[e.type];
  return kind === "faults" || kind === "losses" || severityOf(e) !== null;
}
