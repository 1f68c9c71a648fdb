// Chapters 9 and 10: partitions as the unit of parallelism, brokers sharing the partitions,
// choosing a partition count from a peak rate, and how consumers map onto partitions.

import { FAST_FAILURES } from "./clusterSettings.ts";

export const scalingWithPartitions = {
  id: "scaling-with-partitions",
  chapter: 9,
  title: "Scaling with partitions and brokers",
  summary:
    "A partition is read by one member of a group, so the partition count caps a group's parallelism; brokers share the partitions' leadership. Size a topic from its peak rate.",
  scenario: {
    version: 1,
    name: "One partition, three consumers",
    description: "Orders arrive at 100 a second into a topic with a single partition.",
    seed: 12,
    brokers: 3,
    topics: [{ name: "orders", partitions: 1, replicationFactor: 3, config: {} }],
    producers: [
      {
        id: "shop",
        topic: "orders",
        acks: "all",
        ratePerSec: 100,
        keys: null,
        config: { "partitioner.class": "RoundRobinPartitioner" },
      },
    ],
    consumerGroups: [
      {
        groupId: "fulfil",
        topics: ["orders"],
        members: 3,
        processingMsPerRecord: 20,
        config: {
          "auto.offset.reset": "earliest",
          "auto.commit.interval.ms": 1000,
          "max.poll.records": 50,
        },
      },
    ],
    cluster: FAST_FAILURES,
    timeline: [],
  },
  steps: [
    {
      text: "100 orders a second arrive in orders, which has one partition. The group fulfil has three members, and each can process 50 orders a second.",
      predict: {
        question: "Three members can do 150 a second together. What happens to the lag?",
        choices: [
          { text: "It stays near zero: 150 is more than 100.", correct: false },
          {
            text: "It grows: one partition goes to one member, the other two have nothing.",
            correct: true,
          },
        ],
        explanation:
          "Within a group a partition is read by exactly one member, so a topic with one partition is read by one member at a time, at 50 a second. The number of partitions is the maximum parallelism of a group.",
      },
      until: [{ time: { atLeast: 15000 } }, { groupLag: { groupId: "fulfil", atLeast: 300 } }],
      highlight: [{ group: "fulfil" }],
      after: "Only one member owns orders-0; the other two are idle.",
    },
    {
      text: "Partitions also spread the load over brokers: each partition's leader takes all of its writes and reads, on one broker. Add a fourth broker to the cluster.",
      action: { do: "addBroker", label: "Add broker 4" },
      highlight: [{ panel: "cluster" }],
      after:
        "Broker 4 is up, but it holds nothing: Kafka does not move existing partitions by itself (that is a reassignment, kafka-reassign-partitions).",
    },
    {
      text: "Create a topic with eight partitions, two copies each.",
      predict: {
        question: "Where will the eight partitions' leaders be?",
        choices: [
          { text: "All on broker 1, the first one.", correct: false },
          { text: "Spread over the four brokers, two leaders each.", correct: true },
          { text: "All on broker 4, the empty one.", correct: false },
        ],
        explanation:
          "Kafka places replicas round-robin over the brokers from a random start, so leaders, and with them the load, are spread evenly. More brokers means more capacity for new partitions, and the producers never need to know.",
      },
      action: {
        do: "createTopic",
        topic: { name: "payments", partitions: 8, replicationFactor: 2, config: {} },
        label: "Create payments: 8 partitions",
      },
      highlight: [{ panel: "cluster" }],
    },
    {
      text: "To size a topic, start from the peak: partitions ≥ peak rate ÷ the rate one consumer (or one partition) can sustain, and brokers enough to carry those partitions' leaders. The challenge below asks you to do exactly that.",
      highlight: [],
    },
  ],
  challenge: {
    title: "Size the topic for the peak",
    goal: "At peak, 225 orders a second arrive. One consumer processes 50 a second. Choose the partitions and the group's members so that, after 60 seconds of peak, the group's lag is at most 300 records. Use as few partitions and consumers as you can.",
    scenario: {
      version: 1,
      name: "Peak hour",
      description: "225 orders a second; each consumer processes 50 a second.",
      seed: 21,
      brokers: 3,
      topics: [{ name: "orders", partitions: 1, replicationFactor: 3, config: {} }],
      producers: [
        {
          id: "shop",
          topic: "orders",
          acks: "all",
          ratePerSec: 225,
          keys: null,
          config: { "partitioner.class": "RoundRobinPartitioner" },
        },
      ],
      consumerGroups: [
        {
          groupId: "fulfil",
          topics: ["orders"],
          members: 1,
          processingMsPerRecord: 20,
          config: {
            "auto.offset.reset": "earliest",
            "auto.commit.interval.ms": 1000,
            "max.poll.records": 50,
          },
        },
      ],
      cluster: { ...FAST_FAILURES, "group.initial.rebalance.delay.ms": 0 },
      timeline: [],
    },
    parameters: [
      {
        id: "partitions",
        label: "Partitions of orders",
        target: { topicPartitions: "orders" },
        choices: [1, 2, 3, 4, 5, 6, 8, 10, 12],
        initial: 1,
        costPerUnit: 1,
      },
      {
        id: "consumers",
        label: "Members of the group fulfil",
        target: { groupMembers: "fulfil" },
        choices: [1, 2, 3, 4, 5, 6, 8, 10, 12],
        initial: 1,
        costPerUnit: 1,
      },
    ],
    faultPlans: [],
    until: 60000,
    pass: [{ groupLag: { groupId: "fulfil", atMost: 300 } }],
    hint: "225 ÷ 50 = 4.5, and you cannot run half a consumer. A member without a partition does nothing.",
    solution: { partitions: 5, consumers: 5 },
    explanation:
      "Five partitions and five members: 250 a second of capacity for 225 arriving, so the group keeps up. Four of each give only 200 a second and the lag grows by 25 every second; more members than partitions add nothing.",
    bestCost: 10,
  },
};

export const consumersAndPartitions = {
  id: "consumers-and-partitions",
  chapter: 10,
  title: "Consumers and partitions",
  summary:
    "Brokers handle partitions in parallel and consumers read them in parallel; a member beyond the partition count idles, ready to take over.",
  scenario: {
    version: 1,
    name: "Four members, three partitions",
    description: "The group fraud-check has four members for the three partitions of payments.",
    seed: 5,
    brokers: 3,
    topics: [{ name: "payments", partitions: 3, replicationFactor: 3, config: {} }],
    producers: [
      {
        id: "gateway",
        topic: "payments",
        acks: "all",
        ratePerSec: 15,
        keys: null,
        config: { "partitioner.class": "RoundRobinPartitioner" },
      },
    ],
    consumerGroups: [
      {
        groupId: "fraud-check",
        topics: ["payments"],
        members: 4,
        processingMsPerRecord: 5,
        config: {
          "auto.offset.reset": "earliest",
          "session.timeout.ms": 10000,
          "heartbeat.interval.ms": 3000,
        },
      },
    ],
    cluster: FAST_FAILURES,
    timeline: [],
  },
  steps: [
    {
      text: "payments has three partitions; the group fraud-check has four members. Press Play and look at who owns what once the group is Stable.",
      predict: {
        question: "How is the work shared?",
        choices: [
          { text: "Each member gets three quarters of a partition.", correct: false },
          { text: "Three members get a partition each; the fourth gets none.", correct: true },
          { text: "Two members share each partition.", correct: false },
        ],
        explanation:
          "A partition is the smallest unit of work in a group: it has one owner. With more members than partitions, the extra members idle.",
      },
      until: [
        { groupState: { groupId: "fraud-check", state: "Stable" } },
        { time: { atLeast: 8000 } },
      ],
      highlight: [{ group: "fraud-check" }],
    },
    {
      text: "Crash fraud-check-1, which owns a partition.",
      action: { do: "crashConsumer", consumer: "fraud-check-1", label: "Crash fraud-check-1" },
      until: [
        { groupMembers: { groupId: "fraud-check", atMost: 3 } },
        { groupState: { groupId: "fraud-check", state: "Stable" } },
      ],
      highlight: [{ group: "fraud-check" }],
      after:
        "After session.timeout.ms the coordinator removed it, and the rebalance gave its partition to the member that was idle. A spare member does not add throughput, but it shortens an outage.",
    },
  ],
  challenge: {
    title: "Clear the backlog",
    goal: "10,000 records are waiting in the topic backlog. Each consumer processes 50 records a second. Configure the topic's partitions and the group's members so that the group has processed all of them within 60 virtual seconds, with as few partitions and consumers as possible.",
    scenario: {
      version: 1,
      name: "A backlog of 10,000 records",
      description: "10,000 records written at once; a group to drain them.",
      seed: 31,
      brokers: 3,
      topics: [{ name: "backlog", partitions: 1, replicationFactor: 3, config: {} }],
      producers: [
        {
          id: "import",
          topic: "backlog",
          acks: "all",
          ratePerSec: 0,
          keys: null,
          config: { "partitioner.class": "RoundRobinPartitioner" },
        },
      ],
      consumerGroups: [
        {
          groupId: "drain",
          topics: ["backlog"],
          members: 1,
          processingMsPerRecord: 20,
          config: {
            "auto.offset.reset": "earliest",
            "auto.commit.interval.ms": 1000,
            "max.poll.records": 100,
          },
        },
      ],
      cluster: { ...FAST_FAILURES, "group.initial.rebalance.delay.ms": 0 },
      timeline: [{ at: 0, do: "produce", producer: "import", key: null, count: 10000 }],
    },
    parameters: [
      {
        id: "partitions",
        label: "Partitions of backlog",
        target: { topicPartitions: "backlog" },
        choices: [1, 2, 3, 4, 5, 6, 8],
        initial: 1,
        costPerUnit: 1,
      },
      {
        id: "consumers",
        label: "Members of the group drain",
        target: { groupMembers: "drain" },
        choices: [1, 2, 3, 4, 5, 6, 8],
        initial: 1,
        costPerUnit: 1,
      },
    ],
    faultPlans: [],
    until: 60000,
    pass: [
      { consumed: { groupId: "drain", atLeast: 10000 } },
      { groupLag: { groupId: "drain", atMost: 0 } },
    ],
    hint: "10,000 records in 60 seconds is about 167 a second. How many consumers at 50 a second is that, and what do they each need?",
    solution: { partitions: 4, consumers: 4 },
    explanation:
      "Four members on four partitions process 200 records a second: 10,000 in about 50 seconds. Three give 150 a second, too slow; eight members on one partition are no faster than one.",
    bestCost: 8,
  },
};
