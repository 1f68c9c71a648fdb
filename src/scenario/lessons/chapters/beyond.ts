// Chapters 18, 19, 21 and 22, beyond the course notes: how a group rebalances, what
// idempotence prevents, what compaction keeps, and what an unclean election costs.

import { FAST_FAILURES } from "./clusterSettings.ts";

export const rebalancing = {
  id: "rebalancing-strategies",
  chapter: 18,
  title: "Rebalancing: eager and cooperative",
  summary:
    "When a member joins, an eager group stops and reassigns everything; a cooperative one moves only the partitions that change hands.",
  scenario: "eager-vs-cooperative",
  steps: [
    {
      text: "Two groups read events (6 partitions), two members each. Group eager uses the range assignor, which is eager: in a rebalance every member gives up all its partitions. Group coop uses cooperative-sticky. Press Play; at 20 s a third member joins each group.",
      until: [
        { groupState: { groupId: "eager", state: "Stable" } },
        { groupState: { groupId: "coop", state: "Stable" } },
        { time: { atLeast: 15000 } },
      ],
      highlight: [{ panel: "groups" }],
    },
    {
      text: "Watch the events feed and the groups' owners as the third members join.",
      predict: {
        question: "During the rebalance, which group stops consuming every partition?",
        choices: [
          { text: "eager: all members revoke all partitions first.", correct: true },
          { text: "coop: cooperative means everyone waits.", correct: false },
          { text: "Both, for the same time.", correct: false },
        ],
        explanation:
          "Eager rebalancing is stop-the-world: revoke everything, then assign. Cooperative-sticky (KIP-429) keeps each member's partitions, revokes only the two that must move, and hands them over in a second, short rebalance.",
      },
      until: [
        { groupMembers: { groupId: "eager", atLeast: 3 } },
        { groupMembers: { groupId: "coop", atLeast: 3 } },
        { groupState: { groupId: "eager", state: "Stable" } },
        { groupState: { groupId: "coop", state: "Stable" } },
        { time: { atLeast: 26000 } },
      ],
      highlight: [{ panel: "events" }, { panel: "groups" }],
      after:
        "Both groups ended with two partitions per member. coop took two rebalances (a higher generation), but its members kept reading the partitions they kept throughout.",
    },
  ],
};

export const idempotence = {
  id: "idempotence",
  chapter: 19,
  title: "Idempotence: retries without duplicates",
  summary:
    "A producer that retries after a timeout may write a batch twice; with enable.idempotence the broker recognises the retry by its sequence numbers.",
  scenario: "idempotence-prevents-duplicates",
  steps: [
    {
      text: "Two producers write to payments with acks=all and request.timeout.ms=1 s: plain without idempotence, safe with it. From 10 s to 25 s the followers are slow, so acknowledgements take longer than a second. Both producers will time out and retry batches the leader already wrote.",
      predict: {
        question: "What does the audit find at the end?",
        choices: [
          { text: "Duplicates from both producers.", correct: false },
          { text: "Duplicates from plain only.", correct: true },
          { text: "No duplicates: Kafka never writes a record twice.", correct: false },
        ],
        explanation:
          "A timeout does not mean the write failed, only that the answer did not come in time. plain's retry is a new write. safe's batches carry a producer id and sequence numbers, so the leader sees the retry of a batch it has and answers success without writing it again.",
      },
      until: [{ auditDuplicates: { atLeast: 1 } }, { time: { atLeast: 30000 } }],
      highlight: [{ panel: "audit" }, { panel: "producers" }],
      after:
        "Idempotence has been on by default since Kafka 3.0, with acks=all. It gives exactly-once writes per partition, per producer session.",
    },
  ],
};

export const compaction = {
  id: "compaction",
  chapter: 21,
  title: "Log compaction",
  summary:
    "A compacted topic keeps the latest record for each key instead of deleting by age; a record with a null value (a tombstone) deletes its key.",
  scenario: "compaction-keeps-latest",
  steps: [
    {
      text: "user-profiles has cleanup.policy=compact: each key is a user, each record their whole profile. The producer rewrites alice, bob and dave's profiles; carol gets five versions at 1 s and a tombstone (value null) at 15 s.",
      predict: {
        question: "After the cleaner has run, what is left in the log?",
        choices: [
          { text: "Everything: compaction never deletes.", correct: false },
          {
            text: "The latest profile of each user, and eventually no record of carol at all.",
            correct: true,
          },
          { text: "Only records younger than retention.ms.", correct: false },
        ],
        explanation:
          "The cleaner rewrites the older segments keeping only the last record per key (the active segment, still being written, is left alone). A tombstone stays delete.retention.ms (10 s here) so that consumers see the delete, then goes too.",
      },
      until: [{ time: { atLeast: 45000 } }],
      highlight: [{ panel: "cluster" }, { panel: "events" }],
      after:
        "The events feed shows each cleaning. A compacted topic is a table's changelog: replaying it rebuilds the table, however old it is.",
    },
  ],
};

export const uncleanElection = {
  id: "unclean-election",
  chapter: 22,
  title: "Unclean leader election",
  summary:
    "When no in-sync replica is alive, Kafka can wait for one (no loss, no availability) or elect an out-of-sync replica (available again, acknowledged records lost).",
  scenario: {
    version: 1,
    name: "unclean.leader.election.enable=true",
    description: "The followers fall out of the ISR, then the leader can be killed.",
    seed: 7,
    brokers: 3,
    topics: [
      {
        name: "orders",
        partitions: 1,
        replicationFactor: 3,
        replicaAssignment: [[1, 2, 3]],
        config: { "min.insync.replicas": 1, "unclean.leader.election.enable": true },
      },
    ],
    producers: [
      {
        id: "checkout",
        topic: "orders",
        acks: "all",
        ratePerSec: 10,
        keys: ["alice", "bob", "carol"],
        config: {},
      },
    ],
    consumerGroups: [],
    cluster: FAST_FAILURES,
    timeline: [
      { at: 5000, do: "slowBroker", broker: 2, delayMs: 60000 },
      { at: 5000, do: "slowBroker", broker: 3, delayMs: 60000 },
    ],
  },
  steps: [
    {
      text: "At 5 s both followers of orders-0 become very slow. Press Play and wait until replica.lag.time.max.ms (10 s) takes them out of the ISR.",
      until: [{ isrSize: { topic: "orders", partition: 0, atMost: 1 } }],
      highlight: [{ panel: "topics" }],
      after:
        "The ISR is broker 1 alone, and min.insync.replicas=1 lets acks=all writes succeed with that single copy.",
    },
    {
      text: "Kill broker 1, the leader.",
      predict: {
        question: "unclean.leader.election.enable is true. What happens?",
        choices: [
          {
            text: "orders-0 stays offline until broker 1 returns.",
            correct: false,
          },
          {
            text: "An out-of-sync follower becomes leader, and the records it lacked are lost.",
            correct: true,
          },
        ],
        explanation:
          "With no in-sync replica alive, an unclean election picks a replica that is behind. The partition is writable again at once, but every acknowledged record that replica never fetched is gone; the audit lists them.",
      },
      action: { do: "killBroker", broker: 1 },
      until: [{ auditLost: { atLeast: 1 } }],
      highlight: [{ broker: 1 }, { panel: "audit" }],
      after:
        "With false, Kafka's default, orders-0 would have stayed offline until broker 1 came back, and lost nothing. Availability or consistency: this flag is where you choose.",
    },
  ],
};
