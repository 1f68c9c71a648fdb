// A topic, in `topics` or in a createTopic command: Kafka's rules for its name, partitions,
// replication factor, configs and explicit replica assignment.

import { readConfig } from "./kafkaConfig.ts";
import { SCENARIO_LIMITS, enough } from "./limits.ts";
import { childPath, describeValue, quote, type Problem } from "./problems.ts";
import { get, readInt, readString, requireObject, unknownFields } from "./readers.ts";
import type { ScenarioTopic, ScenarioTopicConfig } from "./schema.ts";
import { brokerListText, type World } from "./world.ts";

const TOPIC_FIELDS = ["name", "partitions", "replicationFactor", "config", "replicaAssignment"];

/** Kafka's legal topic names (Topic.validate); producer ids follow the same rule here. */
export const TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/;

/**
 * Names of Object.prototype's members ("constructor", "toString", "__proto__"...): the engine
 * keeps topics and producers in plain objects keyed by name, where these would collide.
 */
export const isReservedName = (name: string): boolean => name in Object.prototype;

/** Reads a topic and adds it to the world (even a flawed one, so references to it resolve). */
export function readTopic(
  o: unknown,
  path: string,
  world: World,
  problems: Problem[],
): ScenarioTopic | undefined {
  if (!requireObject(o, path, '{"name", "partitions", "replicationFactor", "config"}', problems))
    return undefined;
  const before = problems.length;
  unknownFields(o, path, TOPIC_FIELDS, problems);
  const name = readString(o, "name", path, 249, problems, "the topic's name");
  if (name !== undefined) {
    const at = childPath(path, "name");
    const existing = world.topics.get(name);
    const collides = [...world.topics.keys()].find(
      (t) => t !== name && t.replace(/\./g, "_") === name.replace(/\./g, "_"),
    );
    if (!TOPIC_NAME.test(name) || name === "." || name === "..")
      problems.push({
        path: at,
        message: `${quote(name)} is not a valid topic name (InvalidTopicException): use letters, digits, ".", "_" and "-"`,
      });
    else if (name.startsWith("__"))
      problems.push({
        path: at,
        message: `${quote(name)}: names starting with "__" are kept for Kafka's internal topics`,
      });
    else if (isReservedName(name))
      problems.push({ path: at, message: `${quote(name)} is a name Brokerlab keeps for itself` });
    else if (existing)
      problems.push({
        path: at,
        message: `a topic named ${quote(name)} already exists (${existing.definedAt}): TopicExistsException`,
      });
    else if (collides !== undefined)
      problems.push({
        path: at,
        message: `${quote(name)} collides with topic ${quote(collides)}: Kafka treats "." and "_" alike in topic names`,
      });
  }
  const partitions = readInt(
    o,
    "partitions",
    path,
    { min: 1, max: SCENARIO_LIMITS.partitionsPerTopic, what: "how many partitions" },
    problems,
  );
  if (partitions !== undefined) {
    world.partitionsInAll += partitions;
    if (world.partitionsInAll > SCENARIO_LIMITS.partitionsInAll)
      problems.push({
        path: childPath(path, "partitions"),
        message: `brings the partitions of all topics to ${world.partitionsInAll}; at most ${SCENARIO_LIMITS.partitionsInAll}`,
      });
  }
  let replicationFactor = readInt(
    o,
    "replicationFactor",
    path,
    { min: 1, max: Number.MAX_SAFE_INTEGER, what: "how many replicas of each partition" },
    problems,
  );
  const brokerCount = world.brokers?.length ?? SCENARIO_LIMITS.brokers;
  if (replicationFactor !== undefined && replicationFactor > brokerCount) {
    problems.push({
      path: childPath(path, "replicationFactor"),
      message: `${replicationFactor} is larger than the number of brokers (${world.brokers ? brokerCount : `at most ${brokerCount}`}): InvalidReplicationFactorException, each replica of a partition needs its own broker`,
    });
    replicationFactor = undefined;
  }
  const configPath = childPath(path, "config");
  const config = readConfig(get(o, "config"), configPath, "topic", problems) as ScenarioTopicConfig;
  const minIsr = config["min.insync.replicas"] ?? 1;
  if (replicationFactor !== undefined && minIsr > replicationFactor)
    problems.push({
      path: childPath(configPath, "min.insync.replicas"),
      message: `${minIsr} is larger than the replication factor (${replicationFactor}): acks=all writes could never succeed (InvalidConfigurationException)`,
    });
  const assignment = readAssignment(o, path, partitions, replicationFactor, world, problems);
  if (name !== undefined && !world.topics.has(name))
    world.topics.set(name, {
      partitions,
      replicationFactor,
      minInsyncReplicas: minIsr,
      definedAt: path,
    });
  if (problems.length > before || name === undefined) return undefined;
  if (partitions === undefined || replicationFactor === undefined) return undefined;
  const topic: ScenarioTopic = { name, partitions, replicationFactor, config };
  if (assignment) topic.replicaAssignment = assignment;
  return topic;
}

/** `replicaAssignment`, as kafka-topics --replica-assignment: one broker list per partition. */
function readAssignment(
  o: Record<string, unknown>,
  path: string,
  partitions: number | undefined,
  replicationFactor: number | undefined,
  world: World,
  problems: Problem[],
): number[][] | undefined {
  const v = get(o, "replicaAssignment");
  if (v === undefined) return undefined;
  const at = childPath(path, "replicaAssignment");
  if (!Array.isArray(v)) {
    problems.push({
      path: at,
      message: `must be a list of broker-id lists, one per partition, not ${describeValue(v)}`,
    });
    return undefined;
  }
  if (partitions !== undefined && v.length !== partitions) {
    problems.push({
      path: at,
      message: `has ${v.length} replica lists but the topic has ${partitions} partitions: give one list per partition`,
    });
    return undefined;
  }
  // Only checked for a topic whose partitions are valid and within the limits, so the work is
  // bounded by SCENARIO_LIMITS.partitionsInAll lists.
  if (partitions === undefined || world.partitionsInAll > SCENARIO_LIMITS.partitionsInAll)
    return undefined;
  const known = world.brokers ? new Set(world.brokers) : null;
  const out: number[][] = [];
  (v as unknown[]).forEach((list, i) => {
    if (enough(problems)) return;
    const lp = childPath(at, i);
    if (!Array.isArray(list) || list.length > SCENARIO_LIMITS.brokers) {
      problems.push({
        path: lp,
        message: `must be a list of broker ids, not ${describeValue(list)}`,
      });
      return;
    }
    if (replicationFactor !== undefined && list.length !== replicationFactor) {
      problems.push({
        path: lp,
        message: `lists ${list.length} replicas but the replication factor is ${replicationFactor}`,
      });
      return;
    }
    const ids: number[] = [];
    (list as unknown[]).forEach((id, j) => {
      const bp = childPath(lp, j);
      if (typeof id !== "number" || !Number.isInteger(id)) {
        problems.push({ path: bp, message: `must be a broker id, not ${describeValue(id)}` });
      } else if (known && !known.has(id)) {
        problems.push({
          path: bp,
          message: `there is no broker ${id}${brokerListText(world)} (InvalidReplicaAssignmentException)`,
        });
      } else if (ids.includes(id)) {
        problems.push({
          path: bp,
          message: `broker ${id} is listed twice: each replica of a partition needs its own broker`,
        });
      } else ids.push(id);
    });
    out.push(ids);
  });
  return out;
}
