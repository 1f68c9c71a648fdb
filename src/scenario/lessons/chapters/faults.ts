// Chapters 11 to 14: what a crash does without replication; replication with leaders,
// followers and the ISR; acks and min.insync.replicas; and what replication costs.

import { FAST_FAILURES } from "./clusterSettings.ts";

/** orders-0 led by broker 1, orders-1 by 2, orders-2 by 3, so the text can name them. */
const ROTATED = [
  [1, 2, 3],
  [2, 3, 1],
  [3, 1, 2],
];

export const withoutReplication = {
  id: "without-replication",
  chapter: 11,
  title: "Fault tolerance without replication",
  summary:
    "With one copy of each partition, a broker that fails takes its partitions with it: nobody can read or write them until it returns.",
  scenario: {
    version: 1,
    name: "Replication factor 1",
    description: "Three partitions, one copy each, one per broker.",
    seed: 7,
    brokers: 3,
    topics: [
      {
        name: "clicks",
        partitions: 3,
        replicationFactor: 1,
        replicaAssignment: [[1], [2], [3]],
        config: {},
      },
    ],
    producers: [
      {
        id: "web",
        topic: "clicks",
        acks: "all",
        ratePerSec: 15,
        keys: ["home", "search", "cart", "checkout", "help", "account"],
        config: { "request.timeout.ms": 5000, "delivery.timeout.ms": 15000 },
      },
    ],
    consumerGroups: [],
    cluster: FAST_FAILURES,
    timeline: [],
  },
  steps: [
    {
      text: "clicks has three partitions and a replication factor of 1: one copy of each, clicks-1 only on broker 2. Press Play: each partition appears on one broker only.",
      until: [{ time: { atLeast: 3000 } }],
      highlight: [{ panel: "topics" }],
    },
    {
      text: "Kill broker 2 with its Kill button.",
      predict: {
        question: "What happens to clicks-1?",
        choices: [
          { text: "Another broker takes it over.", correct: false },
          { text: "It goes offline: no leader until broker 2 is back.", correct: true },
          { text: "Its records are copied to broker 1.", correct: false },
        ],
        explanation:
          "No other broker has a copy, so there is nobody to elect. Once the controller fences broker 2 (broker.session.timeout.ms), clicks-1 has Leader none.",
      },
      action: { do: "killBroker", broker: 2 },
      until: [{ partitionOffline: { topic: "clicks", partition: 1 } }],
      highlight: [{ broker: 2 }, { partition: { topic: "clicks", partition: 1 } }],
    },
    {
      text: "Watch the producer. Records keyed to clicks-1 wait, are retried, and fail after delivery.timeout.ms (15 s); the other partitions carry on.",
      until: [{ producerFailed: { producer: "web", atLeast: 1 } }],
      highlight: [{ producer: "web" }],
    },
    {
      text: "Restart broker 2 with its Restart button.",
      action: { do: "restartBroker", broker: 2 },
      until: [{ partitionOnline: { topic: "clicks", partition: 1 } }],
      highlight: [{ broker: 2 }],
      after:
        "clicks-1 is back, with its data, because broker 2's disk survived. Had the disk burnt, clicks-1 would be gone for good. The remedy is more copies: the next chapter.",
    },
  ],
};

export const replicationAndIsr = {
  id: "replication-and-isr",
  chapter: 12,
  title: "Replication: leaders, followers and the ISR",
  summary:
    "With replication factor N each partition lives on N brokers: one leader takes the reads and writes, followers copy it, and the in-sync ones (the ISR) stand ready to take over.",
  scenario: {
    version: 1,
    name: "Replication factor 3",
    description: "Three partitions, each on all three brokers.",
    seed: 7,
    brokers: 3,
    topics: [
      {
        name: "orders",
        partitions: 3,
        replicationFactor: 3,
        replicaAssignment: ROTATED,
        config: { "min.insync.replicas": 2 },
      },
    ],
    producers: [
      {
        id: "checkout",
        topic: "orders",
        acks: "all",
        ratePerSec: 10,
        keys: ["alice", "bob", "carol", "dave"],
        config: {},
      },
    ],
    consumerGroups: [],
    cluster: FAST_FAILURES,
    timeline: [],
  },
  steps: [
    {
      text: "Each broker card lists the replicas it holds: ★ a leader, ● a follower in sync. Each partition has one leader and two followers, and the leaders are spread over the three brokers. Press Play.",
      until: [{ time: { atLeast: 3000 } }],
      highlight: [{ panel: "cluster" }],
      after:
        "Followers fetch from their leader continuously. The ISR, the in-sync replicas, lists those that are caught up: all three.",
    },
    {
      text: "Broker 1 leads orders-0. Kill it.",
      predict: {
        question: "What happens to orders-0?",
        choices: [
          { text: "It goes offline, like with replication factor 1.", correct: false },
          {
            text: "After the controller notices, a follower from the ISR becomes leader.",
            correct: true,
          },
          { text: "The producer loses the records broker 1 had.", correct: false },
        ],
        explanation:
          "The controller fences broker 1 after broker.session.timeout.ms (6 s here), removes it from every ISR and elects the next in-sync replica. The followers had every acknowledged record, so nothing is lost.",
      },
      action: { do: "killBroker", broker: 1 },
      until: [
        { leaderChanged: { topic: "orders", partition: 0 } },
        { isrSize: { topic: "orders", partition: 0, atMost: 2 } },
      ],
      highlight: [{ broker: 1 }, { partition: { topic: "orders", partition: 0 } }],
      after:
        "orders-0 has a new leader and a shorter ISR. Its leader epoch went up by one: old requests from broker 1's time will be refused.",
    },
    {
      text: "Restart broker 1.",
      action: { do: "restartBroker", broker: 1 },
      until: [{ isrSize: { topic: "orders", partition: 0, atLeast: 3 } }],
      highlight: [{ broker: 1 }],
      after:
        "Broker 1 came back as a follower, fetched what it had missed and rejoined the ISR. Chapter 17 shows how it gets its leaderships back.",
    },
  ],
};

export const acksAndMinIsr = {
  id: "acks-and-min-isr",
  chapter: 13,
  title: "acks and min.insync.replicas",
  summary:
    "acks says when the producer is told a record is written; with acks=all, min.insync.replicas says how many copies that takes. Together they decide what a failure can lose.",
  scenario: {
    version: 1,
    name: "acks=1 with slow followers",
    description: "The leader answers before the followers have the records.",
    seed: 7,
    brokers: 3,
    topics: [
      {
        name: "orders",
        partitions: 1,
        replicationFactor: 3,
        replicaAssignment: [[1, 2, 3]],
        config: { "min.insync.replicas": 1 },
      },
    ],
    producers: [
      {
        id: "checkout",
        topic: "orders",
        acks: "1",
        ratePerSec: 20,
        keys: ["alice", "bob", "carol"],
        config: {},
      },
    ],
    consumerGroups: [],
    cluster: { "broker.session.timeout.ms": 6000, "replica.lag.time.max.ms": 60000 },
    timeline: [
      { at: 10000, do: "slowBroker", broker: 2, delayMs: 40000 },
      { at: 10000, do: "slowBroker", broker: 3, delayMs: 40000 },
    ],
  },
  steps: [
    {
      text: "checkout uses acks=1: broker 1, the leader, answers as soon as a record is in its own log. At 10 s the two followers become slow: they fetch only every 40 s. Play to 15 s and compare the LEO on each broker card.",
      until: [{ time: { atLeast: 15000 } }],
      highlight: [{ panel: "cluster" }],
      after:
        "The leader's log end offset runs ahead of the followers'. They are still in the ISR: they are not behind for longer than replica.lag.time.max.ms (60 s here).",
    },
    {
      text: "Kill broker 1, the leader.",
      predict: {
        question: "What becomes of the records acknowledged in the last few seconds?",
        choices: [
          { text: "They are safe on the followers.", correct: false },
          { text: "Some are lost: only broker 1 had them.", correct: true },
          { text: "The producer sends them again.", correct: false },
        ],
        explanation:
          "With acks=1 the producer was told 'written' once one copy existed. A follower from the ISR becomes leader without those records: the audit lists each one, with its cause.",
      },
      action: { do: "killBroker", broker: 1 },
      until: [{ auditLost: { atLeast: 1 } }],
      highlight: [{ broker: 1 }, { panel: "audit" }],
    },
    {
      text: "With acks=all the leader answers only once every replica in the ISR has the record; min.insync.replicas=2 refuses the write (NotEnoughReplicas) when fewer than two replicas are in sync. Durability is bought with availability. Try it in the challenge: two brokers will die.",
      highlight: [{ panel: "audit" }],
    },
  ],
  challenge: {
    title: "Lose nothing when two brokers die",
    goal: "orders has three replicas, on brokers 2, 3 and 4 (broker 1 is the controller). Configure the producer and the topic so that no acknowledged record is lost when any two of those three brokers die, one after the other, while followers lag. The producer must still have at least 100 records acknowledged.",
    scenario: {
      version: 1,
      name: "Two failures",
      description:
        "orders at replication factor 3 on brokers 2, 3 and 4; broker 1 is the controller.",
      seed: 11,
      brokers: 4,
      topics: [
        {
          name: "orders",
          partitions: 1,
          replicationFactor: 3,
          replicaAssignment: [[2, 3, 4]],
          config: { "min.insync.replicas": 1 },
        },
      ],
      producers: [
        {
          id: "checkout",
          topic: "orders",
          acks: "1",
          ratePerSec: 20,
          keys: ["alice", "bob", "carol"],
          config: {},
        },
      ],
      consumerGroups: [],
      cluster: { ...FAST_FAILURES, "controller.quorum.voters": 1 },
      timeline: [],
    },
    parameters: [
      {
        id: "acks",
        label: "acks (producer checkout)",
        target: { producerAcks: "checkout" },
        choices: ["0", "1", "all"],
        initial: "1",
      },
      {
        id: "minIsr",
        label: "min.insync.replicas (topic orders)",
        target: { topicConfig: { topic: "orders", name: "min.insync.replicas" } },
        choices: [1, 2, 3],
        initial: 1,
      },
      {
        id: "unclean",
        label: "unclean.leader.election.enable (topic orders)",
        target: { topicConfig: { topic: "orders", name: "unclean.leader.election.enable" } },
        choices: [false, true],
        initial: true,
      },
    ],
    faultPlans: [
      {
        name: "the followers fall behind; the leader (2) dies before they catch up, then broker 3",
        timeline: [
          { at: 10000, do: "slowBroker", broker: 3, delayMs: 40000 },
          { at: 10000, do: "slowBroker", broker: 4, delayMs: 40000 },
          { at: 15000, do: "killBroker", broker: 2 },
          { at: 30000, do: "killBroker", broker: 3 },
        ],
      },
      {
        name: "broker 4 leaves the ISR; broker 2 dies, then broker 3",
        timeline: [
          { at: 10000, do: "slowBroker", broker: 4, delayMs: 40000 },
          { at: 25000, do: "killBroker", broker: 2 },
          { at: 35000, do: "killBroker", broker: 3 },
        ],
      },
      {
        name: "both followers (3 and 4) die",
        timeline: [
          { at: 15000, do: "killBroker", broker: 3 },
          { at: 25000, do: "killBroker", broker: 4 },
        ],
      },
    ],
    until: 60000,
    pass: [{ auditLost: { atMost: 0 } }, { acknowledged: { producer: "checkout", atLeast: 100 } }],
    hint: "Which acks waits for the followers? And what may a replica that is out of sync be allowed to become?",
    solution: { acks: "all", minIsr: 2, unclean: false },
    explanation:
      "acks=all makes the leader wait for every in-sync replica, and with unclean election off only an in-sync replica, which has every acknowledged record, can become leader. min.insync.replicas=2 makes the leader refuse writes rather than acknowledge them with a single copy: with 1, these runs lose nothing either, but only because the dead brokers' disks survive; a burnt disk would take those records with it. The cluster stops taking writes instead of losing them.",
  },
};

export const costOfReplication = {
  id: "cost-of-replication",
  chapter: 14,
  title: "The cost of replication",
  summary:
    "A higher replication factor survives more failures but stores every record N times, and with acks=all a write waits for the slowest in-sync follower.",
  scenario: {
    version: 1,
    name: "Three copies of everything",
    description: "orders at replication factor 3 with acks=all.",
    seed: 13,
    brokers: 3,
    topics: [
      {
        name: "orders",
        partitions: 1,
        replicationFactor: 3,
        replicaAssignment: [[1, 2, 3]],
        config: { "min.insync.replicas": 2 },
      },
    ],
    producers: [
      {
        id: "checkout",
        topic: "orders",
        acks: "all",
        ratePerSec: 50,
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
      text: "Press Play. Each broker card shows orders-0 with the same LEO: the same records, three times.",
      predict: {
        question: "The topic receives 1 GB a day. How much disk does it use across the cluster?",
        choices: [
          { text: "1 GB.", correct: false },
          { text: "3 GB: one full copy per replica.", correct: true },
          { text: "1.5 GB: followers keep only half.", correct: false },
        ],
        explanation:
          "Every replica is a full copy of the partition's log. Replication factor 3 triples the storage, and the network traffic between brokers too.",
      },
      until: [{ logEndOffset: { topic: "orders", atLeast: 300 } }],
      highlight: [{ panel: "cluster" }],
    },
    {
      text: "Now make broker 3 slow: it will wait 15 s before each fetch.",
      predict: {
        question: "What happens to checkout's acks=all writes?",
        choices: [
          { text: "Nothing: the leader answers at once.", correct: false },
          {
            text: "They wait for broker 3 until it drops out of the ISR; then they are fast again.",
            correct: true,
          },
          { text: "They fail with NotEnoughReplicas.", correct: false },
        ],
        explanation:
          "acks=all waits for every replica in the ISR, so the slowest follower sets the pace, until replica.lag.time.max.ms (10 s) removes it from the ISR. Two in-sync replicas still meet min.insync.replicas=2.",
      },
      action: { do: "slowBroker", broker: 3, delayMs: 15000, label: "Make broker 3 slow" },
      until: [{ isrSize: { topic: "orders", partition: 0, atMost: 2 } }],
      highlight: [{ broker: 3 }, { panel: "topics" }],
      after:
        "Broker 3 left the ISR. While it lagged, every write waited for it. Replication buys safety with disk, network and latency: choose the factor per topic, by what its data is worth.",
    },
  ],
};
