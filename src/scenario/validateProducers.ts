// A producer, in `producers` or in an addProducer command, and the producer fields a
// setProducer command may change (acks, keys). Kafka's own consistency rules between producer
// configs come from the engine's resolveProducerConfig, so they are stated once.

import { resolveProducerConfig } from "../engine/index.ts";
import { producerConfigToEngine, readConfig } from "./kafkaConfig.ts";
import { SCENARIO_LIMITS } from "./limits.ts";
import { childPath, describeValue, quote, type Problem } from "./problems.ts";
import { get, readNumber, readString, requireObject, tooLong, unknownFields } from "./readers.ts";
import type { ScenarioAcks, ScenarioProducer, ScenarioProducerConfig } from "./schema.ts";
import { acksToEngine } from "./toSpec.ts";
import { TOPIC_NAME, isReservedName } from "./validateTopics.ts";
import { checkTopicRef, type World } from "./world.ts";

const PRODUCER_FIELDS = [
  "id",
  "topic",
  "acks",
  "ratePerSec",
  "keys",
  "keyDistribution",
  "valuePrefix",
  "config",
];

const ACKS_VALUES: readonly ScenarioAcks[] = ["all", "-1", "1", "0", -1, 1, 0];
const ACKS_TEXT = '"all" (or -1), 1 or 0';

export function readAcks(
  o: Record<string, unknown>,
  path: string,
  problems: Problem[],
): ScenarioAcks | undefined {
  const v = get(o, "acks");
  if (v === undefined) return undefined;
  if ((typeof v === "string" || typeof v === "number") && ACKS_VALUES.includes(v as ScenarioAcks))
    return v as ScenarioAcks;
  problems.push({
    path: childPath(path, "acks"),
    message: `must be ${ACKS_TEXT}, not ${describeValue(v)}`,
  });
  return undefined;
}

/** null, or a non-empty list of strings. `undefined` when absent or wrong. */
export function readKeys(
  o: Record<string, unknown>,
  path: string,
  problems: Problem[],
): string[] | null | undefined {
  const v = get(o, "keys");
  const at = childPath(path, "keys");
  if (v === undefined || v === null) return v;
  if (!Array.isArray(v)) {
    problems.push({
      path: at,
      message: `must be a list of strings, or null for records without a key; not ${describeValue(v)}`,
    });
    return undefined;
  }
  if (v.length === 0) {
    problems.push({ path: at, message: "is empty: list at least one key, or write null" });
    return undefined;
  }
  if (v.length > SCENARIO_LIMITS.keys) {
    problems.push({ path: at, message: `has ${v.length} keys; at most ${SCENARIO_LIMITS.keys}` });
    return undefined;
  }
  let ok = true;
  v.forEach((k: unknown, i) => {
    if (typeof k !== "string" || k.length > SCENARIO_LIMITS.keyLength) {
      problems.push({
        path: childPath(at, i),
        message:
          typeof k === "string"
            ? tooLong(k, SCENARIO_LIMITS.keyLength)
            : `must be a string, not ${describeValue(k)}`,
      });
      ok = false;
    }
  });
  return ok ? (v as string[]) : undefined;
}

/** Reads a producer and adds it to the world (even a flawed one, so references to it resolve). */
export function readProducer(
  o: unknown,
  path: string,
  world: World,
  problems: Problem[],
): ScenarioProducer | undefined {
  if (!requireObject(o, path, '{"id", "topic", "acks", "ratePerSec", "keys", "config"}', problems))
    return undefined;
  const before = problems.length;
  unknownFields(o, path, PRODUCER_FIELDS, problems);
  const id = readString(o, "id", path, SCENARIO_LIMITS.nameLength, problems, "the producer's id");
  if (id !== undefined) {
    const existing = world.producers.get(id);
    if (id === "")
      problems.push({ path: childPath(path, "id"), message: "is empty: give the producer a name" });
    else if (!TOPIC_NAME.test(id))
      problems.push({
        path: childPath(path, "id"),
        message: `${quote(id)} is not a valid producer id: use letters, digits, ".", "_" and "-"`,
      });
    else if (isReservedName(id))
      problems.push({
        path: childPath(path, "id"),
        message: `${quote(id)} is a name Brokerlab keeps for itself`,
      });
    else if (existing)
      problems.push({
        path: childPath(path, "id"),
        message: `a producer with id ${quote(id)} already exists (${existing.definedAt})`,
      });
  }
  const topic = checkTopicRef(get(o, "topic"), childPath(path, "topic"), world, problems);
  const acks = readAcks(o, path, problems) ?? "all";
  const ratePerSec =
    readNumber(o, "ratePerSec", path, 0, SCENARIO_LIMITS.ratePerSec, problems) ?? 0;
  const keys = get(o, "keys") === undefined ? null : readKeys(o, path, problems);
  const dist = get(o, "keyDistribution");
  if (dist !== undefined && dist !== "uniform" && dist !== "hot")
    problems.push({
      path: childPath(path, "keyDistribution"),
      message: `must be "uniform" or "hot", not ${describeValue(dist)}`,
    });
  else if (dist === "hot" && get(o, "keys") === null)
    problems.push({
      path: childPath(path, "keyDistribution"),
      message: '"hot" picks one key more often than the others, so it needs "keys"',
    });
  const valuePrefix = readString(
    o,
    "valuePrefix",
    path,
    SCENARIO_LIMITS.nameLength,
    problems,
    null,
  );
  const configPath = childPath(path, "config");
  const config = readConfig(
    get(o, "config"),
    configPath,
    "producer",
    problems,
  ) as ScenarioProducerConfig;
  // Kafka's own consistency rules (idempotence against acks and retries, the delivery timeout).
  const resolved = resolveProducerConfig({
    acks: acksToEngine(acks),
    ...producerConfigToEngine(config),
  });
  if (!resolved.ok)
    for (const e of resolved.errors)
      problems.push({ path: childPath(configPath, e.field), message: e.message });
  if (id !== undefined && !world.producers.has(id))
    world.producers.set(id, { topic: topic ?? "", definedAt: path });
  if (problems.length > before || id === undefined || topic === undefined || keys === undefined)
    return undefined;
  const producer: ScenarioProducer = {
    id,
    topic,
    acks,
    ratePerSec,
    keys,
    keyDistribution: dist === "hot" ? "hot" : "uniform",
    config,
  };
  if (valuePrefix !== undefined) producer.valuePrefix = valuePrefix;
  return producer;
}
