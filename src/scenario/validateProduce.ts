// The timeline's produce command: one record (or `count` copies) with a key, a value (null is a
// tombstone), headers and an optional partition, checked against the producer's topic.

import { SCENARIO_LIMITS } from "./limits.ts";
import { childPath, describeValue, quote, type Problem } from "./problems.ts";
import { get, isRecord, readInt, tooLong } from "./readers.ts";
import type { ScenarioCommand } from "./schema.ts";
import { checkProducerRef, type World } from "./world.ts";

export function readProduce(
  o: Record<string, unknown>,
  path: string,
  world: World,
  problems: Problem[],
): ScenarioCommand | undefined {
  const before = problems.length;
  const producer = checkProducerRef(
    get(o, "producer"),
    childPath(path, "producer"),
    world,
    problems,
  );
  const key = readNullableString(
    o,
    "key",
    path,
    SCENARIO_LIMITS.keyLength,
    "a record without a key",
    problems,
  );
  const value = readNullableString(
    o,
    "value",
    path,
    SCENARIO_LIMITS.valueLength,
    "a tombstone",
    problems,
  );
  const headers = readHeaders(get(o, "headers"), childPath(path, "headers"), problems);
  const topic = producer !== undefined ? world.producers.get(producer)?.topic : undefined;
  const partitions = topic !== undefined ? world.topics.get(topic)?.partitions : undefined;
  const partition = readInt(
    o,
    "partition",
    path,
    { min: 0, max: SCENARIO_LIMITS.partitionsPerTopic, what: "a partition" },
    problems,
    false,
  );
  if (partition !== undefined && partitions !== undefined && partition >= partitions)
    problems.push({
      path: childPath(path, "partition"),
      message: `topic ${quote(topic ?? "")} has no partition ${partition} (it has ${partitions}: 0 to ${partitions - 1})`,
    });
  const count = readInt(
    o,
    "count",
    path,
    { min: 1, max: SCENARIO_LIMITS.produceCount, what: "how many records" },
    problems,
    false,
  );
  if (problems.length > before || producer === undefined) return undefined;
  const command: ScenarioCommand = { do: "produce", producer, key: key ?? null };
  if (value !== undefined) command.value = value;
  if (headers !== undefined) command.headers = headers;
  if (partition !== undefined) command.partition = partition;
  if (count !== undefined) command.count = count;
  return command;
}

/** An optional string where null has a meaning (`nullMeans`); undefined when absent or wrong. */
function readNullableString(
  o: Record<string, unknown>,
  key: string,
  path: string,
  maxLength: number,
  nullMeans: string,
  problems: Problem[],
): string | null | undefined {
  const v = get(o, key);
  if (v === undefined || v === null) return v;
  if (typeof v !== "string") {
    problems.push({
      path: childPath(path, key),
      message: `must be a string, or null for ${nullMeans}; not ${describeValue(v)}`,
    });
    return undefined;
  }
  if (v.length > maxLength) {
    problems.push({ path: childPath(path, key), message: tooLong(v, maxLength) });
    return undefined;
  }
  return v;
}

function readHeaders(
  v: unknown,
  path: string,
  problems: Problem[],
): Record<string, string> | undefined {
  if (v === undefined) return undefined;
  if (!isRecord(v)) {
    problems.push({
      path,
      message: `must be an object of header names and string values, not ${describeValue(v)}`,
    });
    return undefined;
  }
  const names = Object.keys(v);
  if (names.length > SCENARIO_LIMITS.headers) {
    problems.push({
      path,
      message: `has ${names.length} headers; at most ${SCENARIO_LIMITS.headers}`,
    });
    return undefined;
  }
  // Filled with defineProperty, not assignment: a header named "__proto__" stays a header.
  const out: Record<string, string> = {};
  for (const name of names) {
    const value = v[name];
    if (typeof value !== "string" || value.length > SCENARIO_LIMITS.keyLength)
      problems.push({
        path: childPath(path, name),
        message: `must be a string of at most ${SCENARIO_LIMITS.keyLength} characters, not ${describeValue(value)}`,
      });
    else
      Object.defineProperty(out, name, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return out;
}
