// Random runs for the share-link tests: a built-in scenario and commands a user could issue in
// it, in the engine's own form, at increasing virtual times.
import fc from "fast-check";
import type { Command } from "../../src/engine/index.ts";
import { BUILTIN_SCENARIOS, loadBuiltinScenario } from "../../src/scenario/library/index.ts";
import type { Scenario } from "../../src/scenario/schema.ts";
import { commandOf } from "../../src/scenario/toSpec.ts";

export const builtinScenarios: Scenario[] = BUILTIN_SCENARIOS.flatMap((b) => {
  const loaded = loadBuiltinScenario(b.id);
  return loaded?.ok ? [loaded.scenario] : [];
});

/** Commands a user can issue in `s`, as the engine takes them. */
export function commandArb(s: Scenario): fc.Arbitrary<Command> {
  const broker = fc.constantFrom(...s.brokers.map((b) => b.id));
  const options: fc.Arbitrary<Command>[] = [
    broker.map((b) => ({ type: "killBroker", broker: b }) as const),
    broker.map((b) => ({ type: "restartBroker", broker: b }) as const),
    broker.map((b) => ({ type: "shutdownBroker", broker: b }) as const),
    broker.map((b) => ({ type: "isolateBroker", broker: b }) as const),
    broker.map((b) => ({ type: "healBroker", broker: b }) as const),
    fc
      .tuple(broker, fc.option(fc.integer({ min: 0, max: 40_000 }), { nil: undefined }))
      .map(([b, delayMs]) =>
        delayMs === undefined
          ? { type: "slowBroker" as const, broker: b }
          : { type: "slowBroker" as const, broker: b, delayMs },
      ),
    fc.constant({ type: "electPreferredLeaders" } as const),
  ];
  const topics = s.topics;
  if (topics.length > 0)
    options.push(
      fc.constantFrom(...topics).chain((t) =>
        fc
          .record({
            min: fc.integer({ min: 1, max: t.replicationFactor }),
            unclean: fc.boolean(),
          })
          .map(({ min, unclean }): Command => ({
            type: "setTopicConfig",
            topic: t.name,
            config: { minInsyncReplicas: min, uncleanLeaderElectionEnable: unclean },
          })),
      ),
    );
  if (s.producers.length > 0) {
    const producer = fc.constantFrom(...s.producers.map((p) => p.id));
    options.push(
      fc
        .record({
          producer,
          key: fc.option(fc.string({ maxLength: 8 }), { nil: null }),
          count: fc.integer({ min: 1, max: 20 }),
        })
        .map(({ producer: p, key, count }): Command => ({
          type: "produce",
          producer: p,
          key,
          count,
        })),
      fc
        .record({
          producer,
          rate: fc.integer({ min: 0, max: 200 }),
          acks: fc.constantFrom(0 as const, 1 as const, "all" as const),
        })
        .map(({ producer: p, rate, acks }): Command => ({
          type: "setProducer",
          producer: p,
          ratePerSec: rate,
          acks,
        })),
    );
  }
  if (s.producers.length > 0)
    options.push(
      fc
        .record({
          producer: fc.constantFrom(...s.producers.map((p) => p.id)),
          keys: fc.option(
            fc.array(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 4 }),
            { nil: null },
          ),
          hot: fc.boolean(),
        })
        .map(({ producer, keys, hot }): Command => ({
          type: "setProducer",
          producer,
          keys,
          keyDistribution: hot ? "hot" : "uniform",
        })),
    );
  // A new member of a group, as the scenario's own addConsumer makes one.
  if (s.consumerGroups.length > 0)
    options.push(
      fc
        .tuple(fc.constantFrom(...s.consumerGroups), fc.integer({ min: 50, max: 60 }))
        .map(([g, n]) =>
          commandOf(
            { at: 0, do: "addConsumer", consumer: `${g.groupId}-${n}`, groupId: g.groupId },
            s.consumerGroups,
          ),
        ),
    );
  const consumers = s.consumerGroups.flatMap((g) =>
    Array.from({ length: g.members }, (_, i) => `${g.groupId}-${i + 1}`),
  );
  if (consumers.length > 0)
    options.push(
      fc
        .tuple(
          fc.constantFrom(...consumers),
          fc.constantFrom("crashConsumer", "restartConsumer", "pauseConsumer", "resumeConsumer"),
        )
        .map(([consumer, type]): Command => ({ type, consumer })),
    );
  return fc.oneof(...options);
}

/** Virtual times as the clock makes them: whole, or fractional (wall time × speed). */
const virtualTime = (max: number): fc.Arbitrary<number> =>
  fc.oneof(fc.integer({ min: 0, max }), fc.double({ min: 0, max, noNaN: true }));

export interface RandomRun {
  scenario: Scenario;
  commands: { at: number; command: Command }[];
  time: number;
  playing: boolean;
}

/** A scenario, commands at non-decreasing times, and a moment (possibly before the last command). */
export const runArb: fc.Arbitrary<RandomRun> = fc
  .constantFrom(...builtinScenarios)
  .chain((scenario) =>
    fc.record({
      scenario: fc.constant(scenario),
      commands: fc
        .array(fc.tuple(virtualTime(20_000), commandArb(scenario)), {
          maxLength: 8,
        })
        .map((cs) => cs.map(([at, command]) => ({ at, command })).sort((a, b) => a.at - b.at)),
      time: virtualTime(25_000),
      playing: fc.boolean(),
    }),
  );
