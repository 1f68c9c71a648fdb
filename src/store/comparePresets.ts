// The built-in comparisons: one built-in scenario, run twice with one setting changed, so the
// only difference between the two sides is that setting (same seed, same fault timeline).

import {
  formatProblem,
  loadBuiltinScenario,
  validateScenario,
  type Scenario,
} from "../scenario/index.ts";
import type { SimulationSpec } from "../engine/index.ts";

export interface CompareSideSpec {
  /** The setting on this side, as Kafka writes it ("acks=1"). */
  label: string;
  change: (scenario: Scenario) => void;
}

export interface ComparePreset {
  id: string;
  title: string;
  /** The built-in scenario both sides start from. */
  scenario: string;
  /** For the teacher: what to watch. */
  summary: string;
  left: CompareSideSpec;
  right: CompareSideSpec;
}

const setAcks =
  (acks: "1" | "all") =>
  (s: Scenario): void => {
    for (const p of s.producers) p.acks = acks;
  };

const setTopicConfig =
  (config: Scenario["topics"][number]["config"]) =>
  (s: Scenario): void => {
    for (const t of s.topics) t.config = { ...t.config, ...config };
  };

/**
 * One group of the scenario, renamed, with the given assignor; the scenario's other groups and
 * their timeline entries go, so both sides run the same single group.
 */
const oneGroupWith =
  (keep: string, rename: string, assignor: "range" | "cooperative-sticky") =>
  (s: Scenario): void => {
    s.consumerGroups = s.consumerGroups
      .filter((g) => g.groupId === keep)
      .map((g) => ({
        ...g,
        groupId: rename,
        config: { ...g.config, "partition.assignment.strategy": [assignor] },
      }));
    s.timeline = s.timeline
      .filter((e) => !("groupId" in e) || e.groupId === keep)
      .map((e) =>
        e.do === "addConsumer" && e.groupId === keep
          ? { ...e, groupId: rename, consumer: e.consumer.replace(keep, rename) }
          : e,
      );
  };

const setIdempotence =
  (on: boolean) =>
  (s: Scenario): void => {
    for (const p of s.producers) p.config = { ...p.config, "enable.idempotence": on };
  };

export const COMPARE_PRESETS: readonly ComparePreset[] = [
  {
    id: "acks",
    title: "acks=1 vs acks=all",
    scenario: "acks1-loss-on-failover",
    summary:
      "The followers of orders-0 fall behind at 20 s and the leader, broker 1, crashes at 25 s. " +
      "With acks=1 the leader had already answered for records no follower had; with acks=all " +
      "it had not, so the producer retries them on the new leader.",
    left: { label: "acks=1", change: setAcks("1") },
    right: { label: "acks=all", change: setAcks("all") },
  },
  {
    id: "min-isr",
    title: "min.insync.replicas 1 vs 2",
    scenario: "unclean-election-loses-data",
    summary:
      "The followers drop out of the ISR at about 15 s; the leader crashes at 30 s and an " +
      "out-of-sync follower takes over (unclean election is allowed on both sides). With " +
      "min.insync.replicas=1 the lone leader kept acknowledging writes; with 2 it refused them " +
      "(NotEnoughReplicas), so nothing acknowledged is lost.",
    left: { label: "min.insync.replicas=1", change: setTopicConfig({ "min.insync.replicas": 1 }) },
    right: {
      label: "min.insync.replicas=2",
      change: setTopicConfig({ "min.insync.replicas": 2 }),
    },
  },
  {
    id: "unclean",
    title: "unclean election off vs on",
    scenario: "unclean-election-loses-data",
    summary:
      "The leader is alone in the ISR when it crashes at 30 s. Off: the partition stays offline " +
      "and loses nothing. On: an out-of-sync follower leads at once, without the records it " +
      "never fetched.",
    left: {
      label: "unclean.leader.election.enable=false",
      change: setTopicConfig({ "unclean.leader.election.enable": false }),
    },
    right: {
      label: "unclean.leader.election.enable=true",
      change: setTopicConfig({ "unclean.leader.election.enable": true }),
    },
  },
  {
    id: "rebalance",
    title: "eager vs cooperative rebalancing",
    scenario: "eager-vs-cooperative",
    summary:
      "A third member joins the group at 20 s. Eager (range): every member gives up all its " +
      "partitions first. Cooperative (cooperative-sticky): only the partitions that move are " +
      "revoked, and the others keep being consumed.",
    left: { label: "eager range", change: oneGroupWith("eager", "readers", "range") },
    right: {
      label: "cooperative-sticky",
      change: oneGroupWith("eager", "readers", "cooperative-sticky"),
    },
  },
  {
    id: "idempotence",
    title: "idempotence off vs on",
    scenario: "retries-reorder-on-failover",
    summary:
      "The followers turn slow at 10 s and broker 1 crashes at 12 s. Duplicates: requests time " +
      "out and the producer resends batches the leader already wrote. Reordered: at 19 s broker " +
      "3 takes over payments-1 and refuses the first retries, not yet knowing it leads, while a " +
      "later batch gets in ahead of them. With idempotence the leader knows each retry by its " +
      "sequence number: both stay 0.",
    left: { label: "enable.idempotence=false", change: setIdempotence(false) },
    right: { label: "enable.idempotence=true", change: setIdempotence(true) },
  },
];

export function findComparePreset(id: string): ComparePreset | undefined {
  return COMPARE_PRESETS.find((p) => p.id === id);
}

export type CompareSpecs =
  { ok: true; left: SimulationSpec; right: SimulationSpec } | { ok: false; errors: string[] };

/** Both sides' engine specs: the base scenario with each side's change, validated again. */
export function compareSpecs(preset: ComparePreset): CompareSpecs {
  const base = loadBuiltinScenario(preset.scenario);
  if (!base) return { ok: false, errors: [`There is no built-in scenario "${preset.scenario}".`] };
  if (!base.ok) return { ok: false, errors: base.problems.map(formatProblem) };
  const side = (s: CompareSideSpec) => {
    const copy = structuredClone(base.scenario);
    s.change(copy);
    return validateScenario(copy);
  };
  const left = side(preset.left);
  const right = side(preset.right);
  if (!left.ok || !right.ok) {
    const problems = [...(left.ok ? [] : left.problems), ...(right.ok ? [] : right.problems)];
    return { ok: false, errors: problems.map(formatProblem) };
  }
  return { ok: true, left: left.spec, right: right.spec };
}
