// The cluster: its brokers (a count, or a list with racks) and its broker configs.

import { DEFAULT_BROKER_CONFIG } from "../engine/index.ts";
import { readConfig } from "./kafkaConfig.ts";
import { SCENARIO_LIMITS } from "./limits.ts";
import { childPath, describeValue, listOf, type Problem } from "./problems.ts";
import { readInt, readString, requireObject, unknownFields } from "./readers.ts";
import type { ScenarioBroker, ScenarioClusterConfig } from "./schema.ts";
import type { World } from "./world.ts";

const BROKER_FIELDS = ["id", "rack"];
/** The longest rack name, in `brokers` and in an addBroker command. */
export const RACK_LENGTH = 100;

/** The brokers as a list, or null (and problems) when `brokers` cannot be used at all. */
export function readBrokers(v: unknown, problems: Problem[]): ScenarioBroker[] | null {
  const path = "brokers";
  if (v === undefined) {
    problems.push({ path, message: 'missing: how many brokers (3), or a list ([{"id": 1}, ...])' });
    return null;
  }
  if (typeof v === "number") {
    if (Number.isInteger(v) && v >= 1 && v <= SCENARIO_LIMITS.brokers)
      return Array.from({ length: v }, (_, i) => ({ id: i + 1 }));
    problems.push({
      path,
      message: `must be a whole number of brokers from 1 to ${SCENARIO_LIMITS.brokers}, not ${describeValue(v)}`,
    });
    return null;
  }
  if (!Array.isArray(v)) {
    problems.push({
      path,
      message: `must be a number of brokers or a list of {"id", "rack"}, not ${describeValue(v)}`,
    });
    return null;
  }
  if (v.length === 0 || v.length > SCENARIO_LIMITS.brokers) {
    problems.push({
      path,
      message: `lists ${v.length} brokers; a cluster has from 1 to ${SCENARIO_LIMITS.brokers}`,
    });
    return null;
  }
  const out: ScenarioBroker[] = [];
  const firstAt = new Map<number, number>();
  let ok = true;
  (v as unknown[]).forEach((o, i) => {
    const at = childPath(path, i);
    if (!requireObject(o, at, '{"id": 1, "rack": "a"}', problems)) {
      ok = false;
      return;
    }
    unknownFields(o, at, BROKER_FIELDS, problems);
    const id = readInt(
      o,
      "id",
      at,
      { min: 0, max: SCENARIO_LIMITS.brokerId, what: "the broker id" },
      problems,
    );
    const rack = readString(o, "rack", at, RACK_LENGTH, problems, null);
    if (rack === "") {
      problems.push({
        path: childPath(at, "rack"),
        message: "is empty: give a rack name or leave it out",
      });
      ok = false;
    }
    if (id === undefined) {
      ok = false;
      return;
    }
    const first = firstAt.get(id);
    if (first !== undefined) {
      problems.push({
        path: childPath(at, "id"),
        message: `broker id ${id} is used twice (also brokers[${first}]); every broker needs its own id`,
      });
      ok = false;
      return;
    }
    firstAt.set(id, i);
    out.push(rack === undefined || rack === "" ? { id } : { id, rack });
  });
  if (!ok) return null;
  // Kafka's rack-aware placement needs a rack on every broker or on none.
  const withoutRack = out.filter((b) => b.rack === undefined).map((b) => b.id);
  if (withoutRack.length > 0 && withoutRack.length < out.length) {
    problems.push({
      path,
      message: `broker ${listOf(withoutRack)} ${withoutRack.length === 1 ? "has" : "have"} no rack while the others have one: give every broker a rack, or none`,
    });
    return null;
  }
  return out;
}

/** The broker configs, with the checks that need the brokers or two configs together. */
export function readCluster(v: unknown, world: World, problems: Problem[]): ScenarioClusterConfig {
  const config = readConfig(v, "cluster", "cluster", problems) as ScenarioClusterConfig;
  const voters = config["controller.quorum.voters"];
  if (voters !== undefined && world.brokers && voters > world.brokers.length)
    problems.push({
      path: 'cluster["controller.quorum.voters"]',
      message: `${voters} controller voters, but the cluster has ${world.brokers.length} brokers`,
    });
  // KafkaConfig: replica.fetch.wait.max.ms must not exceed replica.lag.time.max.ms.
  const wait = config["replica.fetch.wait.max.ms"];
  const lag = config["replica.lag.time.max.ms"];
  const effectiveWait = wait ?? DEFAULT_BROKER_CONFIG.replicaFetchWaitMaxMs;
  const effectiveLag = lag ?? DEFAULT_BROKER_CONFIG.replicaLagTimeMaxMs;
  if ((wait !== undefined || lag !== undefined) && effectiveWait > effectiveLag)
    problems.push({
      path: childPath(
        "cluster",
        wait !== undefined ? "replica.fetch.wait.max.ms" : "replica.lag.time.max.ms",
      ),
      message: `replica.fetch.wait.max.ms (${effectiveWait}) must not be larger than replica.lag.time.max.ms (${effectiveLag}), or followers would drop out of the ISR while they wait`,
    });
  return config;
}
