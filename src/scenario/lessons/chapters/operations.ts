// Chapters 15 to 17: who coordinates the cluster (ZooKeeper then, KRaft now), how long records
// stay and who can read them again, and how a failed broker comes back.

import { FAST_FAILURES } from "./clusterSettings.ts";
const ROTATED = [
  [1, 2, 3],
  [2, 3, 1],
  [3, 1, 2],
];

export const coordination = {
  id: "coordination-kraft",
  chapter: 15,
  title: "Coordination: ZooKeeper and KRaft",
  summary:
    "One broker, the active controller, decides leaders and ISRs. Kafka used ZooKeeper to choose it; with KRaft a Raft quorum of controller voters does, and it needs a majority alive.",
  scenario: {
    version: 1,
    name: "Three controller voters",
    description:
      "Brokers 1, 2 and 3 are the KRaft voters; broker 1 starts as the active controller.",
    seed: 7,
    brokers: 3,
    topics: [
      {
        name: "orders",
        partitions: 3,
        replicationFactor: 3,
        replicaAssignment: ROTATED,
        config: { "min.insync.replicas": 1 },
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
      text: "Someone must decide which replica leads each partition and who is in each ISR: the controller. Broker 1 carries the controller badge. Kafka used Apache ZooKeeper, a separate cluster, for this; since KRaft, a quorum of controller voters inside Kafka (brokers 1, 2 and 3 here) elects the active controller with Raft. Press Play.",
      until: [{ time: { atLeast: 2000 } }],
      highlight: [{ panel: "cluster" }],
    },
    {
      text: "Kill broker 1, the active controller.",
      predict: {
        question: "What happens to the controller's job?",
        choices: [
          { text: "Nobody does it until broker 1 is back.", correct: false },
          {
            text: "Another voter wins an election and becomes the active controller.",
            correct: true,
          },
          { text: "Every broker becomes its own controller.", correct: false },
        ],
        explanation:
          "Two of three voters are alive, a majority, so after controller.quorum.election.timeout.ms one of them takes over. It then fences broker 1 and moves its leaderships.",
      },
      action: { do: "killBroker", broker: 1 },
      until: [{ controllerChanged: {} }],
      highlight: [{ broker: 1 }, { panel: "cluster" }],
      after: "Broker 2 now carries the controller badge.",
    },
    {
      text: "Kill broker 2 as well, the new controller.",
      predict: {
        question: "Only broker 3 is left, one voter of three. Can it take over?",
        choices: [
          { text: "Yes: any live voter can be controller.", correct: false },
          { text: "No: one of three is not a majority, so nobody is elected.", correct: true },
        ],
        explanation:
          "Raft needs a majority, so that two halves of a split network can never both elect a controller. Without one, no leader can be elected for a partition that loses its own: that is why clusters run three or five voters, on separate machines.",
      },
      action: { do: "killBroker", broker: 2 },
      until: [{ noController: {} }],
      highlight: [{ broker: 2 }, { broker: 3 }],
    },
    {
      text: "Restart broker 1.",
      action: { do: "restartBroker", broker: 1 },
      until: [{ controllerChanged: {} }],
      highlight: [{ broker: 1 }],
      after:
        "Two voters of three again: a majority, a controller, and leaders can be elected once more.",
    },
  ],
};

export const retentionAndReplay = {
  id: "retention-and-replay",
  chapter: 16,
  title: "Retention and replay",
  summary:
    "Records stay on disk after they are consumed, for retention.ms: a new consumer can read the past, and a consumer that failed can read again.",
  scenario: {
    version: 1,
    name: "Twenty seconds of retention",
    description:
      "clicks keeps records 20 s, in small segments; the replay group has no member yet.",
    seed: 7,
    brokers: 3,
    topics: [
      {
        name: "clicks",
        partitions: 1,
        replicationFactor: 3,
        replicaAssignment: [[1, 2, 3]],
        config: {
          "min.insync.replicas": 2,
          "segment.bytes": 2048,
          "segment.ms": 5000,
          "retention.ms": 20000,
        },
      },
    ],
    producers: [
      {
        id: "web",
        topic: "clicks",
        acks: "all",
        ratePerSec: 20,
        keys: ["home", "search", "cart"],
        config: {},
      },
    ],
    consumerGroups: [
      {
        groupId: "replay",
        topics: ["clicks"],
        members: 0,
        processingMsPerRecord: 2,
        config: { "auto.offset.reset": "earliest" },
      },
    ],
    cluster: { ...FAST_FAILURES, "log.retention.check.interval.ms": 5000 },
    timeline: [],
  },
  steps: [
    {
      text: "Kafka writes every record to disk and keeps it, read or not, for retention.ms: 20 s here (a week by default). The log is cut into segments; a whole segment is deleted once its newest record is older than that.",
      predict: {
        question: "What happens to clicks-0's log start offset over the next 30 seconds?",
        choices: [
          { text: "It stays at 0: nobody has consumed anything.", correct: false },
          { text: "It moves forward as old segments are deleted.", correct: true },
        ],
        explanation:
          "Retention is about time (or size), not about consumption. Deleting a segment moves the log start offset; the audit counts those records as retired, not lost.",
      },
      until: [{ logStartOffset: { topic: "clicks", partition: 0, atLeast: 1 } }],
      highlight: [{ panel: "topics" }],
    },
    {
      text: "A new service starts in the group replay, with auto.offset.reset=earliest.",
      predict: {
        question: "Where does it start reading?",
        choices: [
          { text: "At offset 0.", correct: false },
          { text: "At the log start offset: the oldest record still kept.", correct: true },
          { text: "At the log end: only new records.", correct: false },
        ],
        explanation:
          "earliest means the oldest record the log still has. Everything younger than retention.ms is there to replay, which is how a new consumer can build its state from the past.",
      },
      action: {
        do: "addConsumer",
        consumer: "replay-1",
        groupId: "replay",
        label: "Start replay-1",
      },
      until: [{ consumed: { groupId: "replay", atLeast: 200 } }],
      highlight: [{ group: "replay" }],
      after:
        "It read hundreds of records written before it existed. A consumer that failed while processing can do the same: records stay until retention removes them, so it can retry.",
    },
  ],
};

export const brokerRecovery = {
  id: "broker-recovery",
  chapter: 17,
  title: "Broker recovery",
  summary:
    "A restarted broker truncates what was never committed, fetches what it missed, rejoins the ISR, and gets its preferred leaderships back.",
  scenario: {
    version: 1,
    name: "A broker comes back",
    description: "orders at replication factor 3; preferred-leader checks every 10 s.",
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
        keys: ["alice", "bob", "carol", "dave", "erin", "frank"],
        config: {},
      },
    ],
    consumerGroups: [],
    cluster: {
      ...FAST_FAILURES,
      "auto.leader.rebalance.enable": true,
      "leader.imbalance.check.interval.seconds": 10,
    },
    timeline: [],
  },
  steps: [
    {
      text: "Broker 1 leads orders-0 (it is the first, preferred replica). Press Play and kill broker 1.",
      action: { do: "killBroker", broker: 1 },
      until: [{ leaderChanged: { topic: "orders", partition: 0 } }],
      highlight: [{ broker: 1 }, { partition: { topic: "orders", partition: 0 } }],
      after: "A follower took over orders-0, and the producer carried on.",
    },
    {
      text: "Restart broker 1.",
      predict: {
        question: "Does broker 1 lead orders-0 again as soon as it is up?",
        choices: [
          { text: "Yes, at once: it is the preferred replica.", correct: false },
          {
            text: "No: first it catches up as a follower and rejoins the ISR.",
            correct: true,
          },
        ],
        explanation:
          "Its log is on disk, but behind. It truncates anything past what the new leader had, fetches the rest, and only then is it in sync. Kafka's persistence to disk is what makes this fast: only the gap travels.",
      },
      action: { do: "restartBroker", broker: 1 },
      until: [{ isrSize: { topic: "orders", partition: 0, atLeast: 3 } }],
      highlight: [{ broker: 1 }, { panel: "topics" }],
    },
    {
      text: "Broker 1 is in sync but leads nothing. Wait for the controller's preferred-leader check (every 10 s here, auto.leader.rebalance.enable).",
      until: [{ leaderChanged: { topic: "orders", partition: 0 } }],
      highlight: [{ partition: { topic: "orders", partition: 0 } }],
      after:
        "Leadership went back to broker 1, the first replica, so the load is spread evenly again. A failed broker recovers in seconds, with no data copied but what it missed.",
    },
  ],
};
