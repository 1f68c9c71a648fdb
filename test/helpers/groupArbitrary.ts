// fast-check generators for random consumer groups on a small cluster: subscriptions,
// assignors, static members, and schedules of joins, leaves, crashes, stalls and broker
// failures; then a settle phase where everything comes back so every group can catch up.

import fc from "fast-check";
import type {
  Command,
  ConsumerConfig,
  ConsumerSpec,
  SimulationSpec,
} from "../../src/engine/index.ts";
import type { AssignorName } from "../../src/engine/assignors/index.ts";

export const GROUP_WINDOW_MS = 30_000;
export const GROUP_SETTLE_MS = 30_000;
export const GROUP_HORIZON_MS = GROUP_WINDOW_MS + GROUP_SETTLE_MS;

const STRATEGIES: AssignorName[][] = [
  ["range"],
  ["roundrobin"],
  ["sticky"],
  ["cooperative-sticky"],
  ["range", "cooperative-sticky"],
];

export interface GroupScenario {
  spec: SimulationSpec;
  /** Consumer ids per group (all that ever exist). */
  groups: Record<string, string[]>;
}

export function groupScenarioArb(): fc.Arbitrary<GroupScenario> {
  return fc
    .record({
      seed: fc.nat(1000),
      topics: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 2 }),
      groups: fc.array(
        fc.record({
          members: fc.integer({ min: 1, max: 4 }),
          extra: fc.integer({ min: 0, max: 2 }),
          strategy: fc.constantFrom(...STRATEGIES),
          isStatic: fc.boolean(),
          autoCommit: fc.boolean(),
          topicMask: fc.integer({ min: 1, max: 3 }),
          // max.poll.records (500) x processing time must stay below max.poll.interval.ms (8000):
          // beyond it a member is evicted after every poll and never commits, a real Kafka
          // livelock that invariant 7 ("every group eventually sees every record") excludes.
          processingMs: fc.integer({ min: 0, max: 15 }),
        }),
        { minLength: 1, maxLength: 2 },
      ),
      events: fc.array(
        fc.record({
          at: fc.integer({ min: 500, max: GROUP_WINDOW_MS }),
          kind: fc.constantFrom(
            "add",
            "remove",
            "crash",
            "restart",
            "stall",
            "resume",
            "pause",
            "killBroker",
          ),
          pick: fc.nat(100),
        }),
        { maxLength: 10 },
      ),
    })
    .map(({ seed, topics, groups, events }) => {
      const topicNames = topics.map((_, i) => `t${i}`);
      const consumers: ConsumerSpec[] = [];
      const ids: Record<string, string[]> = {};
      const later: ConsumerSpec[] = [];
      groups.forEach((g, gi) => {
        const groupId = `g${gi}`;
        const subscribed = topicNames.filter((_, i) => (g.topicMask >> i) & 1);
        const subscription = subscribed.length > 0 ? subscribed : [topicNames[0]!];
        const members: string[] = (ids[groupId] = []);
        for (let m = 0; m < g.members + g.extra; m++) {
          const id = `${groupId}-c${m}`;
          const config: Partial<ConsumerConfig> = {
            partitionAssignmentStrategy: g.strategy,
            autoOffsetReset: "earliest",
            enableAutoCommit: g.autoCommit,
            autoCommitIntervalMs: 1000,
            sessionTimeoutMs: 6000,
            heartbeatIntervalMs: 1000,
            maxPollIntervalMs: 8000,
            ...(g.isStatic ? { groupInstanceId: `${id}-host` } : {}),
          };
          const spec = {
            id,
            groupId,
            topics: subscription,
            config,
            processingMsPerRecord: g.processingMs,
          };
          members.push(id);
          (m < g.members ? consumers : later).push(spec);
        }
      });
      const all = Object.values(ids).flat();
      const timeline: { at: number; command: Command }[] = [];
      for (const e of [...events].sort((a, b) => a.at - b.at)) {
        const consumer = all[e.pick % all.length]!;
        switch (e.kind) {
          case "add": {
            const spec = later.shift();
            if (spec) timeline.push({ at: e.at, command: { type: "addConsumer", consumer: spec } });
            break;
          }
          case "remove":
            timeline.push({ at: e.at, command: { type: "removeConsumer", consumer } });
            break;
          case "crash":
            timeline.push({ at: e.at, command: { type: "crashConsumer", consumer } });
            break;
          case "restart":
            timeline.push({ at: e.at, command: { type: "restartConsumer", consumer } });
            break;
          case "stall":
            timeline.push({ at: e.at, command: { type: "stallConsumer", consumer } });
            break;
          case "resume":
            timeline.push({ at: e.at, command: { type: "resumeConsumer", consumer } });
            break;
          case "pause":
            timeline.push({ at: e.at, command: { type: "pauseConsumer", consumer } });
            break;
          case "killBroker": {
            const broker = 1 + (e.pick % 3);
            timeline.push({ at: e.at, command: { type: "killBroker", broker } });
            timeline.push({ at: e.at + 4000, command: { type: "restartBroker", broker } });
            break;
          }
        }
      }
      // Settle: producers stop, every consumer that exists comes back and runs.
      const end = GROUP_WINDOW_MS + 1000;
      for (const t of topicNames)
        timeline.push({
          at: GROUP_WINDOW_MS,
          command: { type: "setProducer", producer: `p-${t}`, running: false },
        });
      for (const spec of later)
        timeline.push({ at: GROUP_WINDOW_MS, command: { type: "addConsumer", consumer: spec } });
      for (const id of all) {
        timeline.push({ at: end, command: { type: "restartConsumer", consumer: id } });
        timeline.push({ at: end, command: { type: "resumeConsumer", consumer: id } });
      }
      const spec: SimulationSpec = {
        name: "groups",
        seed,
        brokers: [{ id: 1 }, { id: 2 }, { id: 3 }],
        config: {
          brokerHeartbeatIntervalMs: 1000,
          brokerSessionTimeoutMs: 3000,
          offsetsTopicNumPartitions: 3,
          groupInitialRebalanceDelayMs: 500,
        },
        topics: topicNames.map((name, i) => ({
          name,
          partitions: topics[i]!,
          replicationFactor: 3,
          config: { minInsyncReplicas: 2 },
        })),
        producers: topicNames.map((t) => ({
          id: `p-${t}`,
          topic: t,
          ratePerSec: 15,
          keys: null,
          config: {},
        })),
        consumers,
        timeline,
      };
      return { spec, groups: ids };
    });
}
