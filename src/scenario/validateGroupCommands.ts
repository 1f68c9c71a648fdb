// The consumer commands of the timeline, checked against the groups and consumers that exist
// at that moment (a consumer added at 5 s cannot be crashed at 2 s).

import { childPath, describeValue, didYouMean, quote, type Problem } from "./problems.ts";
import { get, readInt, readString } from "./readers.ts";
import { isReservedName } from "./validateTopics.ts";
import type { ScenarioConsumerGroup, ScenarioGroupCommand } from "./schema.ts";
import { readGroup, readStrategy } from "./validateGroups.ts";
import { checkTopicRef, type World } from "./world.ts";

type GroupCommandType = ScenarioGroupCommand["do"];
const RESET_TARGETS = ["earliest", "latest", "offset", "timestamp"] as const;

function checkConsumerRef(
  v: unknown,
  path: string,
  world: World,
  problems: Problem[],
): string | undefined {
  const known = [...world.groups.consumers.keys()];
  if (typeof v !== "string") {
    problems.push({
      path,
      message:
        v === undefined
          ? "missing: the id of a consumer"
          : `must be a consumer id, not ${describeValue(v)}`,
    });
    return undefined;
  }
  if (!world.groups.consumers.has(v)) {
    problems.push({
      path,
      message: `no consumer with id ${quote(v)}${didYouMean(v, known)} (a group's members are named <groupId>-1, <groupId>-2, ...)`,
    });
    return undefined;
  }
  return v;
}

function checkGroupRef(
  v: unknown,
  path: string,
  world: World,
  problems: Problem[],
): string | undefined {
  const known = [...world.groups.groups.keys()];
  if (typeof v !== "string") {
    problems.push({
      path,
      message:
        v === undefined
          ? "missing: the groupId of a consumer group"
          : `must be a groupId, not ${describeValue(v)}`,
    });
    return undefined;
  }
  if (!world.groups.groups.has(v)) {
    problems.push({
      path,
      message: `no consumer group ${quote(v)}${didYouMean(v, known)}; define it in "consumerGroups"`,
    });
    return undefined;
  }
  return v;
}

/**
 * An addConsumer with its own topics and config: read as a group of that id would be (same
 * checks, same messages), but it may name a group that exists already.
 */
function readInlineGroup(
  o: Record<string, unknown>,
  path: string,
  world: World,
  problems: Problem[],
): ScenarioConsumerGroup | undefined {
  const scratch = { groups: new Map(), consumers: new Map() };
  const definition = {
    groupId: get(o, "groupId"),
    topics: get(o, "topics"),
    members: 0,
    ...(get(o, "config") !== undefined ? { config: get(o, "config") } : {}),
  };
  return readGroup(definition, path, world, scratch, problems);
}

export function readGroupCommand(
  type: GroupCommandType,
  o: Record<string, unknown>,
  path: string,
  world: World,
  problems: Problem[],
): ScenarioGroupCommand | undefined {
  const before = problems.length;
  switch (type) {
    case "addConsumer": {
      const inline = get(o, "topics") !== undefined || get(o, "config") !== undefined;
      const group = inline ? readInlineGroup(o, path, world, problems) : undefined;
      const groupId = inline
        ? group?.groupId
        : checkGroupRef(get(o, "groupId"), childPath(path, "groupId"), world, problems);
      const consumer = readString(o, "consumer", path, 100, problems, "the new consumer's id");
      if (consumer !== undefined && world.groups.consumers.has(consumer))
        problems.push({
          path: childPath(path, "consumer"),
          message: `consumer ${quote(consumer)} already exists`,
        });
      else if (consumer !== undefined && isReservedName(consumer))
        problems.push({
          path: childPath(path, "consumer"),
          message: `${quote(consumer)} is a name Brokerlab keeps for itself`,
        });
      if (groupId === undefined || consumer === undefined || problems.length > before)
        return undefined;
      world.groups.consumers.set(consumer, groupId);
      if (!group) return { do: type, consumer, groupId };
      if (!world.groups.groups.has(groupId)) world.groups.groups.set(groupId, group);
      const out: ScenarioGroupCommand = { do: type, consumer, groupId, topics: group.topics };
      if (get(o, "config") !== undefined) out.config = group.config;
      return out;
    }
    case "removeConsumer":
    case "crashConsumer":
    case "restartConsumer":
    case "pauseConsumer":
    case "resumeConsumer":
    case "stallConsumer": {
      const consumer = checkConsumerRef(
        get(o, "consumer"),
        childPath(path, "consumer"),
        world,
        problems,
      );
      return consumer === undefined ? undefined : { do: type, consumer };
    }
    case "setProcessingTime": {
      const consumer = checkConsumerRef(
        get(o, "consumer"),
        childPath(path, "consumer"),
        world,
        problems,
      );
      const ms = readInt(
        o,
        "ms",
        path,
        { min: 0, max: 3600000, what: "virtual ms of work per record" },
        problems,
      );
      if (consumer === undefined || ms === undefined) return undefined;
      return { do: type, consumer, ms };
    }
    case "setAssignmentStrategy": {
      const consumer = checkConsumerRef(
        get(o, "consumer"),
        childPath(path, "consumer"),
        world,
        problems,
      );
      const strategy = readStrategy(get(o, "strategy"), childPath(path, "strategy"), problems);
      if (strategy !== undefined && new Set(strategy).size !== strategy.length)
        problems.push({
          path: childPath(path, "strategy"),
          message: "lists an assignor twice; name each once",
        });
      if (consumer === undefined || strategy === undefined || problems.length > before)
        return undefined;
      return { do: type, consumer, strategy };
    }
    case "resetOffsets": {
      const groupId = checkGroupRef(get(o, "groupId"), childPath(path, "groupId"), world, problems);
      const topic =
        get(o, "topic") === undefined
          ? undefined
          : checkTopicRef(get(o, "topic"), childPath(path, "topic"), world, problems);
      const to = get(o, "to");
      const target = RESET_TARGETS.find((t) => t === to);
      if (!target)
        problems.push({
          path: childPath(path, "to"),
          message:
            typeof to === "string"
              ? `unknown reset target ${quote(to)}${didYouMean(to, RESET_TARGETS)}; one of ${RESET_TARGETS.join(", ")}`
              : `must be one of ${RESET_TARGETS.join(", ")}, not ${describeValue(to)}`,
        });
      const offset = readInt(
        o,
        "offset",
        path,
        { min: 0, max: Number.MAX_SAFE_INTEGER, what: "the offset to reset to" },
        problems,
        target === "offset",
      );
      const timestamp = readInt(
        o,
        "timestamp",
        path,
        { min: 0, max: Number.MAX_SAFE_INTEGER, what: "the virtual time to reset to" },
        problems,
        target === "timestamp",
      );
      if (groupId === undefined || !target || problems.length > before) return undefined;
      const command: ScenarioGroupCommand = { do: type, groupId, to: target };
      if (topic !== undefined) command.topic = topic;
      if (offset !== undefined) command.offset = offset;
      if (timestamp !== undefined) command.timestamp = timestamp;
      return command;
    }
  }
}
