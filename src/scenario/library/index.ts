// The built-in scenarios, in teaching order. The documents themselves are the JSON files in
// the top-level scenarios/ folder, where the CLI, the docs and teachers find them; they are
// data, so they are checked by the same validator as any file a user opens.

import acks1LossOnFailover from "../../../scenarios/acks1-loss-on-failover.json";
import acksAllMinIsr from "../../../scenarios/acks-all-min-isr.json";
import compactionKeepsLatest from "../../../scenarios/compaction-keeps-latest.json";
import classroom from "../../../scenarios/classroom.json";
import defaultScenario from "../../../scenarios/default.json";
import idempotencePreventsDuplicates from "../../../scenarios/idempotence-prevents-duplicates.json";
import retriesReorderOnFailover from "../../../scenarios/retries-reorder-on-failover.json";
import preferredLeaderAfterRestart from "../../../scenarios/preferred-leader-after-restart.json";
import retentionDeletesSegments from "../../../scenarios/retention-deletes-segments.json";
import rf1PartitionOffline from "../../../scenarios/rf1-partition-offline.json";
import uncleanElectionLosesData from "../../../scenarios/unclean-election-loses-data.json";
import zombieLeader from "../../../scenarios/zombie-leader.json";
import queueVsPubsub from "../../../scenarios/queue-vs-pubsub.json";
import idleMember from "../../../scenarios/idle-member.json";
import slowConsumerLag from "../../../scenarios/slow-consumer-lag.json";
import crashBeforeCommit from "../../../scenarios/crash-before-commit.json";
import eagerVsCooperative from "../../../scenarios/eager-vs-cooperative.json";
import staticMembership from "../../../scenarios/static-membership.json";
import largeCluster from "../../../scenarios/large-cluster.json";
import { validateScenario, type ValidationResult } from "../validate.ts";

export interface BuiltinScenario {
  /** The file name without .json; also the name the CLI accepts. */
  id: string;
  title: string;
  /** For the teacher: what the run shows and where to look. */
  summary: string;
  /** Virtual time by which the effect has happened (ms). */
  until: number;
  /** The document as stored; validate it before use (loadBuiltinScenario does). */
  document: unknown;
}

export const BUILTIN_SCENARIOS: readonly BuiltinScenario[] = [
  {
    id: "default",
    title: "A healthy cluster",
    summary:
      "Three brokers, the topic orders with three partitions at replication factor 3 and " +
      "min.insync.replicas=2, and one producer with acks=all. Nothing fails: every replica is in " +
      "the ISR and the audit is clean. The app opens with it; it is the base to break.",
    until: 60000,
    document: defaultScenario,
  },
  {
    id: "classroom",
    title: "A classroom cluster",
    summary:
      "Six brokers, two topics of six partitions at replication factor 3, two producers at 50 " +
      "records a second in all, and two consumer groups. Nothing fails on its own: it is the " +
      "cluster to break in front of a class, and the one the frame-time benchmark draws.",
    until: 60000,
    document: classroom,
  },
  {
    id: "rf1-partition-offline",
    title: "Replication factor 1: a partition goes offline",
    summary:
      "With one copy per partition, a crashed broker takes its partition with it: Leader none, " +
      "the producer's records for it time out, the other partitions carry on. Why replication " +
      "factor 1 is only for data you can lose.",
    until: 60000,
    document: rf1PartitionOffline,
  },
  {
    id: "acks1-loss-on-failover",
    title: "acks=1 loses records on failover",
    summary:
      "The leader acknowledges records its slow followers have not copied; it crashes and a " +
      "follower from the ISR takes over without them. The audit lists the acknowledged records " +
      "that are gone, with the cause: acks=1.",
    until: 60000,
    document: acks1LossOnFailover,
  },
  {
    id: "acks-all-min-isr",
    title: "acks=all with min.insync.replicas=2",
    summary:
      "The same kind of failure with acks=all and min.insync.replicas=2: the first crash is " +
      "survived, the second makes the last leader refuse writes with NotEnoughReplicas, and no " +
      "acknowledged record is lost. Durability bought with availability.",
    until: 60000,
    document: acksAllMinIsr,
  },
  {
    id: "unclean-election-loses-data",
    title: "Unclean leader election loses data",
    summary:
      "The followers fall out of the ISR, then the leader crashes. With " +
      "unclean.leader.election.enable=true an out-of-sync follower becomes leader at once and " +
      "everything it never fetched is lost; the audit says so, record by record.",
    until: 60000,
    document: uncleanElectionLosesData,
  },
  {
    id: "zombie-leader",
    title: "A zombie leader",
    summary:
      "A leader cut off from the cluster keeps taking acks=1 writes after the controller has " +
      "replaced it; when the network heals it truncates them. acks=all writes to the zombie " +
      "time out instead and are retried on the real leader: nothing of theirs is lost.",
    until: 60000,
    document: zombieLeader,
  },
  {
    id: "idempotence-prevents-duplicates",
    title: "Idempotence prevents duplicates",
    summary:
      "Requests time out while the followers are slow, and both producers retry. The one " +
      "without enable.idempotence writes each retried batch again; the idempotent one is " +
      "recognised by its sequence numbers and writes nothing twice.",
    until: 60000,
    document: idempotencePreventsDuplicates,
  },
  {
    id: "retries-reorder-on-failover",
    title: "Retries after a failover: duplicates and reordering",
    summary:
      "Without idempotence, retries write duplicates while acknowledgements are late, and after " +
      "the leader of payments-1 crashes a later batch reaches the new leader before the earlier " +
      "ones it refused: the audit counts order violations. Turn enable.idempotence on and both " +
      "go away.",
    until: 60000,
    document: retriesReorderOnFailover,
  },
  {
    id: "preferred-leader-after-restart",
    title: "Preferred leader election after a restart",
    summary:
      "A broker crashes and its leaderships move; it comes back as a follower; the controller's " +
      "periodic preferred-leader check (auto.leader.rebalance.enable) hands each partition back " +
      "to its first replica.",
    until: 60000,
    document: preferredLeaderAfterRestart,
  },
  {
    id: "retention-deletes-segments",
    title: "Retention deletes old segments",
    summary:
      "Small segments and retention.ms=20 s: old segments are deleted and the log start offset " +
      "moves forward. The audit counts those records as retired by retention, not lost.",
    until: 60000,
    document: retentionDeletesSegments,
  },
  {
    id: "compaction-keeps-latest",
    title: "Log compaction keeps the latest record per key",
    summary:
      "cleanup.policy=compact: the cleaner removes older versions of each key and, after " +
      "delete.retention.ms, a deleted key's tombstone; the latest value of every key stays.",
    until: 60000,
    document: compactionKeepsLatest,
  },
  {
    id: "queue-vs-pubsub",
    title: "Queue versus publish-subscribe",
    summary:
      "Group billing's two members split the four partitions (a queue: each record to one " +
      "member); group analytics' single member reads all four (publish-subscribe: each group " +
      "gets every record). Each group has its own committed offsets.",
    until: 30000,
    document: queueVsPubsub,
  },
  {
    id: "idle-member",
    title: "More consumers than partitions: an idle member",
    summary:
      "Four members, three partitions: the range assignor leaves one member idle (the group " +
      "summary says which). When a busy member crashes, the rebalance after session.timeout.ms " +
      "gives its partition to the idle one.",
    until: 40000,
    document: idleMember,
  },
  {
    id: "slow-consumer-lag",
    title: "A slow consumer falls behind: growing lag",
    summary:
      "60 records a second in, 40 a second processed: the group's lag (log end offset minus " +
      "committed offset) grows every second. A second member at 30 s splits the partitions and " +
      "the lag falls again.",
    until: 60000,
    document: slowConsumerLag,
  },
  {
    id: "crash-before-commit",
    title: "A crash before the commit: records delivered twice",
    summary:
      "With auto-commit every 5 s, a consumer crashes after processing records it never " +
      "committed. After session.timeout.ms its partition moves and the new owner reads them " +
      "again from the last commit: the audit counts the redelivered records, with the cause.",
    until: 40000,
    document: crashBeforeCommit,
  },
  {
    id: "eager-vs-cooperative",
    title: "Eager versus cooperative rebalancing",
    summary:
      "The same join in two groups: with range (eager) every member revokes all its partitions; " +
      "with cooperative-sticky (KIP-429) only the two partitions that move are revoked, handed " +
      "over in a second rebalance while the rest keep being consumed.",
    until: 30000,
    document: eagerVsCooperative,
  },
  {
    id: "static-membership",
    title: "Static membership: a restart without a rebalance",
    summary:
      "Static members (group.instance.id): a member that restarts within session.timeout.ms gets " +
      "its partitions back with no rebalance (same generation); one that stays down is removed " +
      "after the session timeout.",
    until: 75000,
    document: staticMembership,
  },
  {
    id: "large-cluster",
    title: "A large cluster",
    summary:
      "Fifty brokers, 1,000 partitions over four topics at replication factor 3, 2,000 records a " +
      "second and one consumer group. The picture switches to its compact level of detail: a " +
      "tile per broker with leader counts and load, and aggregated flow instead of single records.",
    // Its golden trace covers the first seconds only: the start-up (1,000 elections, the
    // group's first rebalance) is the story; a minute of it would be a trace nobody reviews.
    until: 8000,
    document: largeCluster,
  },
];

/** A built-in scenario by id (a trailing .json is ignored). */
export function findBuiltinScenario(id: string): BuiltinScenario | undefined {
  const bare = id.endsWith(".json") ? id.slice(0, -".json".length) : id;
  return BUILTIN_SCENARIOS.find((s) => s.id === bare);
}

export function loadBuiltinScenario(id: string): ValidationResult | undefined {
  const found = findBuiltinScenario(id);
  return found && validateScenario(found.document);
}
