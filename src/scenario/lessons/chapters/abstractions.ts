// Chapters 5 to 8: Kafka's own words. Records, topics, partitions and offsets; order within a
// partition only; keys and the hash that picks a partition; consumer groups as a queue and as
// publish-subscribe.

import { FAST_FAILURES } from "./clusterSettings.ts";

export const recordsAndOffsets = {
  id: "records-topics-partitions",
  chapter: 5,
  title: "Records, topics, partitions and offsets",
  summary:
    "A record is a key, a value and a timestamp; a topic is split into partitions; each partition is a log where every record gets the next offset.",
  scenario: {
    version: 1,
    name: "An empty topic with three partitions",
    description: "The topic orders has three partitions; checkout sends only when asked.",
    seed: 2,
    brokers: 3,
    topics: [
      {
        name: "orders",
        partitions: 3,
        replicationFactor: 3,
        replicaAssignment: [
          [1, 2, 3],
          [2, 3, 1],
          [3, 1, 2],
        ],
        config: { "min.insync.replicas": 2 },
      },
    ],
    producers: [
      {
        id: "checkout",
        topic: "orders",
        acks: "all",
        ratePerSec: 0,
        keys: ["alice", "bob", "carol"],
        config: {},
      },
    ],
    consumerGroups: [],
    cluster: FAST_FAILURES,
    timeline: [],
  },
  steps: [
    {
      text: "The topic orders is empty. It has three partitions, orders-0, orders-1 and orders-2, each with its LEO (log end offset: the next free position), on every broker that holds it. Send one record: key alice, value order-1.",
      action: {
        do: "produce",
        producer: "checkout",
        key: "alice",
        value: "order-1",
        label: "Send an order for alice",
      },
      until: [{ logEndOffset: { topic: "orders", atLeast: 1 } }],
      highlight: [{ panel: "topics" }],
      after:
        "It landed in orders-0 at offset 0, the first position of that partition's log: its LEO is now 1. The record carries its key, its value, a timestamp and headers.",
    },
    {
      text: "Send five more orders for alice.",
      predict: {
        question: "Where do they go, and at which offsets?",
        choices: [
          { text: "orders-0, offsets 1 to 5.", correct: true },
          { text: "One in each partition, at offset 0 or 1.", correct: false },
          { text: "Wherever there is room.", correct: false },
        ],
        explanation:
          "The same key always goes to the same partition, and a log only grows at its end: each new record gets the next offset.",
      },
      action: {
        do: "produce",
        producer: "checkout",
        key: "alice",
        count: 5,
        label: "Send five orders for alice",
      },
      until: [{ logEndOffset: { topic: "orders", partition: 0, atLeast: 6 } }],
      highlight: [{ partition: { topic: "orders", partition: 0 } }],
    },
    {
      text: "Now three orders for carol.",
      action: {
        do: "produce",
        producer: "checkout",
        key: "carol",
        count: 3,
        label: "Send three orders for carol",
      },
      until: [{ logEndOffset: { topic: "orders", partition: 2, atLeast: 3 } }],
      highlight: [{ partition: { topic: "orders", partition: 2 } }],
      after:
        "carol's orders went to orders-2, offsets 0 to 2. Each partition counts its own offsets: offset 2 of orders-0 and offset 2 of orders-2 are different records. A topic is a set of independent logs.",
    },
    {
      text: "Records are appended and never changed. A consumer does not remove them: it keeps its own position, an offset, in each partition. That is why many consumers can read the same log, each at its own place.",
      highlight: [],
    },
  ],
};

export const orderingPerPartition = {
  id: "ordering-per-partition",
  chapter: 6,
  title: "Order within a partition, not across",
  summary:
    "Each partition keeps its records in the order they were written; there is no order between partitions, so a topic has no global order.",
  scenario: {
    version: 1,
    name: "Payments for three customers",
    description: "The bank producer sends payments keyed by customer; ledger reads them.",
    seed: 6,
    brokers: 3,
    topics: [
      {
        name: "payments",
        partitions: 3,
        replicationFactor: 3,
        config: { "min.insync.replicas": 2 },
      },
    ],
    producers: [
      {
        id: "bank",
        topic: "payments",
        acks: "all",
        ratePerSec: 0,
        keys: ["alice", "bob", "carol"],
        config: {},
      },
    ],
    consumerGroups: [
      {
        groupId: "ledger",
        topics: ["payments"],
        members: 1,
        processingMsPerRecord: 10,
        config: { "auto.offset.reset": "earliest", "max.poll.records": 5 },
      },
    ],
    cluster: FAST_FAILURES,
    timeline: [],
  },
  steps: [
    {
      text: "Send ten payments for alice, then ten for carol. alice's go to payments-0, carol's to payments-2.",
      action: {
        do: "produce",
        producer: "bank",
        key: "alice",
        count: 10,
        label: "Send ten payments for alice",
      },
      until: [{ logEndOffset: { topic: "payments", partition: 0, atLeast: 10 } }],
      highlight: [{ panel: "topics" }],
    },
    {
      text: "Now the ten for carol.",
      action: {
        do: "produce",
        producer: "bank",
        key: "carol",
        count: 10,
        label: "Send ten payments for carol",
      },
      predict: {
        question:
          "ledger reads all three partitions, fetching from each leader in turn. What is guaranteed about the order it sees?",
        choices: [
          { text: "All twenty in the order they were sent.", correct: false },
          {
            text: "alice's ten in their order, carol's ten in theirs; nothing about one against the other.",
            correct: true,
          },
          { text: "No order at all.", correct: false },
        ],
        explanation:
          "Order is a property of one partition's log. A consumer reading several partitions interleaves them as its fetches come back, so a record of carol may come before an older one of alice.",
      },
      until: [{ consumed: { groupId: "ledger", atLeast: 20 } }],
      highlight: [{ group: "ledger" }],
    },
    {
      text: "So what must stay in order needs the same key: a customer's payments, an account's movements. The audit checks that each partition kept its producer's order: its out-of-order count is 0. That is the trade Kafka makes: many partitions for parallelism, order only within each.",
      highlight: [{ panel: "audit" }],
    },
  ],
};

export const keysAndHashing = {
  id: "keys-and-hashing",
  chapter: 7,
  title: "Keys and hashing",
  summary:
    "The producer hashes the record's key (murmur2) modulo the partition count: the same key always lands in the same partition, and few keys can spread unevenly.",
  scenario: {
    version: 1,
    name: "Clicks keyed by user",
    description: "Six users' clicks, keyed by user, over four partitions.",
    seed: 8,
    brokers: 3,
    topics: [{ name: "clicks", partitions: 4, replicationFactor: 3, config: {} }],
    producers: [
      {
        id: "web",
        topic: "clicks",
        acks: "all",
        ratePerSec: 40,
        keys: ["alice", "bob", "carol", "dave", "erin", "frank"],
        config: {},
      },
    ],
    consumerGroups: [],
    cluster: FAST_FAILURES,
    timeline: [],
  },
  steps: [
    {
      text: "The web app sends 40 clicks a second, keyed by six users, to four partitions. Kafka's partitioner computes murmur2(key) modulo 4 for each record.",
      predict: {
        question: "After ten seconds, how are the records spread over the four partitions?",
        choices: [
          { text: "Evenly: hashing always spreads keys evenly.", correct: false },
          {
            text: "Unevenly: with only six keys, one partition can get several of them.",
            correct: true,
          },
          { text: "All in clicks-0.", correct: false },
        ],
        explanation:
          "bob, carol and dave all hash to clicks-2, so it gets half the traffic. A hash spreads well only over many keys; a few hot keys make hot partitions.",
      },
      until: [{ time: { atLeast: 10000 } }],
      highlight: [{ panel: "topics" }],
    },
    {
      text: "Compare the log end offsets: clicks-2 grows about three times as fast as clicks-0. Now send without keys.",
      action: {
        do: "setProducer",
        producer: "web",
        keys: null,
        label: "Send the clicks without a key",
      },
      until: [{ elapsed: { atLeast: 10000 } }],
      highlight: [{ panel: "topics" }],
      after:
        "Without a key, the sticky partitioner fills a batch for one partition, then moves on: over time the partitions even out. But one user's clicks are now scattered, so their order is lost.",
    },
    {
      text: "Keep keys when order per key matters; pick keys with many distinct values. And remember that the mapping depends on the partition count: add partitions and a key may move to another one.",
      highlight: [],
    },
  ],
};

export const consumerGroups = {
  id: "consumer-groups",
  chapter: 8,
  title: "Consumer groups: queue and publish-subscribe",
  summary:
    "Each record is delivered to one member of a group (a queue), and to every group (publish-subscribe); each group keeps its own offsets.",
  scenario: {
    version: 1,
    name: "Billing and analytics",
    description: "Two groups read orders: billing with two members, analytics with one.",
    seed: 3,
    brokers: 3,
    topics: [{ name: "orders", partitions: 4, replicationFactor: 3, config: {} }],
    producers: [
      {
        id: "shop",
        topic: "orders",
        acks: "all",
        ratePerSec: 20,
        keys: ["alice", "bob", "carol", "dave", "erin", "frank"],
        config: {},
      },
    ],
    consumerGroups: [
      {
        groupId: "billing",
        topics: ["orders"],
        members: 2,
        processingMsPerRecord: 5,
        config: {
          "auto.offset.reset": "earliest",
          "session.timeout.ms": 10000,
          "heartbeat.interval.ms": 3000,
        },
      },
      {
        groupId: "analytics",
        topics: ["orders"],
        members: 1,
        processingMsPerRecord: 2,
        config: { "auto.offset.reset": "earliest" },
      },
    ],
    cluster: FAST_FAILURES,
    timeline: [],
  },
  steps: [
    {
      text: "A consumer always belongs to a group. Press Play and look at which member owns which partition once both groups are Stable.",
      until: [
        { groupState: { groupId: "billing", state: "Stable" } },
        { groupState: { groupId: "analytics", state: "Stable" } },
        { time: { atLeast: 8000 } },
      ],
      highlight: [{ panel: "groups" }],
      after:
        "billing-1 and billing-2 have two partitions each: every order is billed once, by one of them. That is a queue. analytics-1 has all four: analytics sees every order too. That is publish-subscribe, and each group has its own committed offsets.",
    },
    {
      text: "Crash billing-1.",
      predict: {
        question: "What happens to billing-1's two partitions?",
        choices: [
          { text: "Nobody reads them until billing-1 is back.", correct: false },
          {
            text: "After session.timeout.ms the group rebalances and billing-2 takes them.",
            correct: true,
          },
          { text: "analytics-1 starts billing them.", correct: false },
        ],
        explanation:
          "The coordinator notices the missing heartbeats after session.timeout.ms (10 s here), removes the member, and the group's partitions are shared among the members left. Other groups are not involved.",
      },
      action: { do: "crashConsumer", consumer: "billing-1", label: "Crash billing-1" },
      until: [
        { groupMembers: { groupId: "billing", atMost: 1 } },
        { groupState: { groupId: "billing", state: "Stable" } },
      ],
      highlight: [{ group: "billing" }],
      after:
        "billing-2 now owns all four partitions and carries on from billing's last committed offsets. Scaling a group out or in is how Kafka load-balances consumers.",
    },
  ],
};
