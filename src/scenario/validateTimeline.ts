// The timeline: each entry's time, its command, and the command's fields, checked in the order
// the engine runs them against what exists at that moment. The produce command, the largest,
// has its own file.

import type { CommandType } from "../engine/index.ts";
import { readConfig } from "./kafkaConfig.ts";
import { SCENARIO_LIMITS, enough } from "./limits.ts";
import { childPath, describeValue, didYouMean, quote, type Problem } from "./problems.ts";
import {
  get,
  has,
  isRecord,
  readBoolean,
  readInt,
  readList,
  readNumber,
  readString,
  requireObject,
  unknownFields,
} from "./readers.ts";
import type { ScenarioCommand, ScenarioTopicConfig, TimelineEntry } from "./schema.ts";
import { RACK_LENGTH } from "./validateCluster.ts";
import { readProduce } from "./validateProduce.ts";
import { readAcks, readKeys, readProducer } from "./validateProducers.ts";
import { readTopic } from "./validateTopics.ts";
import { readGroupCommand } from "./validateGroupCommands.ts";
import { checkBrokerRef, checkProducerRef, checkTopicRef, type World } from "./world.ts";

/** The fields of each timeline command, beside `at` and `do`. */
const COMMAND_FIELDS: Record<CommandType, readonly string[]> = {
  killBroker: ["broker"],
  restartBroker: ["broker"],
  shutdownBroker: ["broker"],
  isolateBroker: ["broker"],
  healBroker: ["broker"],
  slowBroker: ["broker", "delayMs"],
  addBroker: ["broker", "rack"],
  createTopic: ["topic"],
  setTopicConfig: ["topic", "config"],
  electPreferredLeaders: ["topic"],
  addProducer: ["producer"],
  setProducer: ["producer", "ratePerSec", "keys", "keyDistribution", "acks", "running"],
  produce: ["producer", "key", "value", "headers", "partition", "count"],
  addConsumer: ["consumer", "groupId", "topics", "config"],
  removeConsumer: ["consumer"],
  crashConsumer: ["consumer"],
  restartConsumer: ["consumer"],
  pauseConsumer: ["consumer"],
  resumeConsumer: ["consumer"],
  stallConsumer: ["consumer"],
  setProcessingTime: ["consumer", "ms"],
  setAssignmentStrategy: ["consumer", "strategy"],
  resetOffsets: ["groupId", "topic", "to", "offset", "timestamp"],
};
const COMMAND_TYPES = Object.keys(COMMAND_FIELDS) as CommandType[];
const isCommandType = (s: string): s is CommandType => has(COMMAND_FIELDS, s);

/** The document's `timeline`, in list order, keeping only the entries without problems. */
export function readTimeline(
  doc: Record<string, unknown>,
  world: World,
  problems: Problem[],
): TimelineEntry[] {
  const items = readList(doc, "timeline", "", SCENARIO_LIMITS.timeline, problems, "of commands");
  // Checked in the order the engine runs them: by time, and in list order at equal times.
  const order = items.map((item, i) => {
    const at = isRecord(item) ? get(item, "at") : undefined;
    return { i, at: typeof at === "number" && Number.isFinite(at) ? at : Infinity };
  });
  order.sort((a, b) => a.at - b.at || a.i - b.i);
  const entries: (TimelineEntry | undefined)[] = [];
  for (const { i } of order) {
    if (enough(problems)) break;
    const path = childPath("timeline", i);
    const o = items[i];
    if (!requireObject(o, path, '{"at": 5000, "do": "killBroker", "broker": 1}', problems))
      continue;
    const before = problems.length;
    const at = readInt(
      o,
      "at",
      path,
      { min: 0, max: Number.MAX_SAFE_INTEGER, what: "when, in virtual milliseconds" },
      problems,
    );
    const type = get(o, "do");
    if (typeof type !== "string" || !isCommandType(type)) {
      problems.push({
        path: childPath(path, "do"),
        message:
          type === undefined
            ? `missing: the command, one of ${COMMAND_TYPES.join(", ")}`
            : typeof type === "string"
              ? `unknown command ${quote(type)}${didYouMean(type, COMMAND_TYPES)}; the commands are ${COMMAND_TYPES.join(", ")}`
              : `must be a command name, not ${describeValue(type)}`,
      });
      continue;
    }
    unknownFields(o, path, ["at", "do", ...COMMAND_FIELDS[type]], problems, `field for ${type}`);
    const command = readCommand(type, o, path, world, problems);
    if (command && at !== undefined && problems.length === before) entries[i] = { at, ...command };
  }
  return entries.filter((e): e is TimelineEntry => e !== undefined);
}

/** One timeline command's own fields (beside `at` and `do`), checked against what exists now. */
function readCommand(
  type: CommandType,
  o: Record<string, unknown>,
  path: string,
  world: World,
  problems: Problem[],
): ScenarioCommand | undefined {
  const before = problems.length;
  const broker = (): number | undefined =>
    checkBrokerRef(get(o, "broker"), childPath(path, "broker"), world, problems);
  switch (type) {
    case "killBroker":
    case "restartBroker":
    case "shutdownBroker":
    case "isolateBroker":
    case "healBroker": {
      const id = broker();
      return id === undefined ? undefined : { do: type, broker: id };
    }
    case "slowBroker": {
      const id = broker();
      const delayMs = readInt(
        o,
        "delayMs",
        path,
        { min: 0, max: Number.MAX_SAFE_INTEGER, what: "the extra delay before each fetch" },
        problems,
        false,
      );
      if (id === undefined || problems.length > before) return undefined;
      return delayMs === undefined ? { do: type, broker: id } : { do: type, broker: id, delayMs };
    }
    case "addBroker": {
      const id = readInt(
        o,
        "broker",
        path,
        { min: 0, max: SCENARIO_LIMITS.brokerId, what: "the new broker's id" },
        problems,
        false,
      );
      const rack = readString(o, "rack", path, RACK_LENGTH, problems, null);
      if (id !== undefined && world.brokers?.includes(id))
        problems.push({ path: childPath(path, "broker"), message: `broker ${id} already exists` });
      if (world.brokers && rack === undefined && world.racks && !has(o, "rack"))
        problems.push({
          path: childPath(path, "rack"),
          message: "missing: the other brokers have racks, so give this one a rack too",
        });
      if (world.brokers && rack !== undefined && !world.racks)
        problems.push({
          path: childPath(path, "rack"),
          message: "no other broker has a rack: add this one without a rack",
        });
      if (world.brokers && world.brokers.length >= SCENARIO_LIMITS.brokers)
        problems.push({
          path,
          message: `a cluster has at most ${SCENARIO_LIMITS.brokers} brokers`,
        });
      if (problems.length > before) return undefined;
      if (world.brokers) world.brokers.push(id ?? Math.max(0, ...world.brokers) + 1);
      const command: ScenarioCommand = { do: "addBroker" };
      if (id !== undefined) command.broker = id;
      if (rack !== undefined) command.rack = rack;
      return command;
    }
    case "createTopic": {
      const topic = readTopic(get(o, "topic"), childPath(path, "topic"), world, problems);
      return topic && problems.length === before ? { do: type, topic } : undefined;
    }
    case "setTopicConfig": {
      const name = checkTopicRef(get(o, "topic"), childPath(path, "topic"), world, problems);
      const configPath = childPath(path, "config");
      if (get(o, "config") === undefined) {
        problems.push({
          path: configPath,
          message: 'missing: the configs to set, e.g. {"retention.ms": 60000}',
        });
        return undefined;
      }
      const config = readConfig(
        get(o, "config"),
        configPath,
        "topic",
        problems,
      ) as ScenarioTopicConfig;
      const known = name !== undefined ? world.topics.get(name) : undefined;
      const minIsr = config["min.insync.replicas"];
      if (known && minIsr !== undefined) {
        if (known.replicationFactor !== undefined && minIsr > known.replicationFactor)
          problems.push({
            path: childPath(configPath, "min.insync.replicas"),
            message: `${minIsr} is larger than the replication factor of ${quote(name ?? "")} (${known.replicationFactor}): InvalidConfigurationException`,
          });
        else known.minInsyncReplicas = minIsr;
      }
      return name !== undefined && problems.length === before
        ? { do: type, topic: name, config }
        : undefined;
    }
    case "electPreferredLeaders": {
      if (get(o, "topic") === undefined) return { do: type };
      const name = checkTopicRef(get(o, "topic"), childPath(path, "topic"), world, problems);
      return name === undefined ? undefined : { do: type, topic: name };
    }
    case "addProducer": {
      const producer = readProducer(
        get(o, "producer"),
        childPath(path, "producer"),
        world,
        problems,
      );
      return producer && problems.length === before ? { do: type, producer } : undefined;
    }
    case "setProducer": {
      const producer = checkProducerRef(
        get(o, "producer"),
        childPath(path, "producer"),
        world,
        problems,
      );
      const ratePerSec = readNumber(o, "ratePerSec", path, 0, SCENARIO_LIMITS.ratePerSec, problems);
      const keys = readKeys(o, path, problems);
      const dist = get(o, "keyDistribution");
      if (dist !== undefined && dist !== "uniform" && dist !== "hot")
        problems.push({
          path: childPath(path, "keyDistribution"),
          message: `must be "uniform" or "hot", not ${describeValue(dist)}`,
        });
      const acks = readAcks(o, path, problems);
      const running = readBoolean(o, "running", path, problems);
      if (producer === undefined || problems.length > before) return undefined;
      const command: ScenarioCommand = { do: type, producer };
      if (ratePerSec !== undefined) command.ratePerSec = ratePerSec;
      if (keys !== undefined) command.keys = keys;
      if (dist === "uniform" || dist === "hot") command.keyDistribution = dist;
      if (acks !== undefined) command.acks = acks;
      if (running !== undefined) command.running = running;
      return command;
    }
    case "produce":
      return readProduce(o, path, world, problems);
    case "addConsumer":
    case "removeConsumer":
    case "crashConsumer":
    case "restartConsumer":
    case "pauseConsumer":
    case "resumeConsumer":
    case "stallConsumer":
    case "setProcessingTime":
    case "setAssignmentStrategy":
    case "resetOffsets":
      return readGroupCommand(type, o, path, world, problems);
  }
}
