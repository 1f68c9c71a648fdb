// Consumer groups: the document's `consumerGroups` and the consumer commands of the timeline.
// A group names its topics, its member count and its consumer configs by Kafka's names; its
// members are consumers `<groupId>-1`, `<groupId>-2`, ... (static with group.instance.id
// `<prefix>-<n>` when the config gives a group.instance.id prefix).

import { isReservedName } from "./validateTopics.ts";
import type { ConsumerSpec } from "../engine/index.ts";
import { consumerConfigToEngine, readConfig } from "./kafkaConfig.ts";
import { childPath, describeValue, didYouMean, quote, type Problem } from "./problems.ts";
import { get, readInt, readList, readString, requireObject, unknownFields } from "./readers.ts";
import type { ScenarioAssignor, ScenarioConsumerConfig, ScenarioConsumerGroup } from "./schema.ts";
import { checkTopicRef, type World } from "./world.ts";

const GROUP_FIELDS = ["groupId", "topics", "members", "config", "processingMsPerRecord"];
const ASSIGNORS: readonly ScenarioAssignor[] = [
  "range",
  "roundrobin",
  "sticky",
  "cooperative-sticky",
];
export const MAX_MEMBERS = 200;
const ID_LENGTH = 100;

/** What the timeline needs to know: the groups and their consumers so far. */
export interface GroupWorld {
  groups: Map<string, ScenarioConsumerGroup>;
  consumers: Map<string, string>;
}

export const memberIds = (g: ScenarioConsumerGroup): string[] =>
  Array.from({ length: g.members }, (_, i) => `${g.groupId}-${i + 1}`);

export function readStrategy(
  v: unknown,
  path: string,
  problems: Problem[],
): ScenarioAssignor[] | undefined {
  // Kafka takes a list or a comma-separated string.
  const list = typeof v === "string" ? v.split(",").map((x) => x.trim()) : v;
  if (!Array.isArray(list) || list.length === 0) {
    problems.push({
      path,
      message: `must be a list of assignors such as ["cooperative-sticky"], not ${describeValue(v)}`,
    });
    return undefined;
  }
  const out: ScenarioAssignor[] = [];
  list.forEach((name: unknown, i) => {
    const known = ASSIGNORS.find((a) => a === name);
    if (known) out.push(known);
    else
      problems.push({
        path: Array.isArray(v) ? childPath(path, i) : path,
        message:
          typeof name === "string"
            ? `unknown assignor ${quote(name)}${didYouMean(name, ASSIGNORS)}; the assignors are ${ASSIGNORS.join(", ")}`
            : `must be an assignor name, not ${describeValue(name)}`,
      });
  });
  return out.length === list.length ? out : undefined;
}

export function readGroup(
  v: unknown,
  path: string,
  world: World,
  groups: GroupWorld,
  problems: Problem[],
): ScenarioConsumerGroup | undefined {
  if (
    !requireObject(v, path, '{"groupId": "billing", "topics": ["orders"], "members": 2}', problems)
  )
    return undefined;
  const before = problems.length;
  unknownFields(v, path, GROUP_FIELDS, problems, "field of a consumer group");
  const groupId = readString(v, "groupId", path, ID_LENGTH, problems, "the group's group.id");
  if (groupId === "") problems.push({ path: childPath(path, "groupId"), message: "is empty" });
  else if (groupId !== undefined && isReservedName(groupId))
    problems.push({
      path: childPath(path, "groupId"),
      message: `${quote(groupId)} is a name Brokerlab keeps for itself`,
    });
  if (groupId !== undefined && groups.groups.has(groupId))
    problems.push({
      path: childPath(path, "groupId"),
      message: `group ${quote(groupId)} is defined twice`,
    });
  const topicList = readList(v, "topics", path, 100, problems, "of topic names");
  if (get(v, "topics") === undefined)
    problems.push({
      path: childPath(path, "topics"),
      message: 'missing: the topics it subscribes to, e.g. ["orders"]',
    });
  else if (topicList.length === 0)
    problems.push({
      path: childPath(path, "topics"),
      message: "is empty: subscribe to at least one topic",
    });
  const topics = topicList
    .map((t, i) => checkTopicRef(t, childPath(childPath(path, "topics"), i), world, problems))
    .filter((t): t is string => t !== undefined);
  const members =
    readInt(
      v,
      "members",
      path,
      { min: 0, max: MAX_MEMBERS, what: "how many consumers it starts with" },
      problems,
      false,
    ) ?? 1;
  const processingMsPerRecord =
    readInt(
      v,
      "processingMsPerRecord",
      path,
      { min: 0, max: 3600000, what: "virtual ms of work per record" },
      problems,
      false,
    ) ?? 1;
  const configPath = childPath(path, "config");
  const raw = get(v, "config");
  let strategy: ScenarioAssignor[] | undefined;
  let instancePrefix: string | undefined;
  let rest: unknown = raw;
  if (raw !== null && typeof raw === "object" && !Array.isArray(raw)) {
    const copy: Record<string, unknown> = { ...(raw as Record<string, unknown>) };
    if (copy["partition.assignment.strategy"] !== undefined)
      strategy = readStrategy(
        copy["partition.assignment.strategy"],
        childPath(configPath, "partition.assignment.strategy"),
        problems,
      );
    if (copy["group.instance.id"] !== undefined) {
      const id = copy["group.instance.id"];
      if (typeof id === "string" && id.length > 0 && id.length <= ID_LENGTH) instancePrefix = id;
      else
        problems.push({
          path: childPath(configPath, "group.instance.id"),
          message: `must be a non-empty prefix such as "billing-host" (members get "<prefix>-1", ...), not ${describeValue(id)}`,
        });
    }
    delete copy["partition.assignment.strategy"];
    delete copy["group.instance.id"];
    rest = copy;
  }
  const config = readConfig(rest, configPath, "consumer", problems) as ScenarioConsumerConfig;
  const session = config["session.timeout.ms"] ?? 45000;
  const heartbeat = config["heartbeat.interval.ms"] ?? 3000;
  if (heartbeat >= session)
    problems.push({
      path: childPath(configPath, "heartbeat.interval.ms"),
      message: `${heartbeat} must be lower than session.timeout.ms (${session})`,
    });
  if (groupId === undefined || problems.length > before) return undefined;
  const group: ScenarioConsumerGroup = {
    groupId,
    topics,
    members,
    config: {
      ...config,
      ...(strategy ? { "partition.assignment.strategy": strategy } : {}),
      ...(instancePrefix !== undefined ? { "group.instance.id": instancePrefix } : {}),
    },
    processingMsPerRecord,
  };
  groups.groups.set(groupId, group);
  for (const id of memberIds(group)) groups.consumers.set(id, groupId);
  return group;
}

/** One consumer of a group as the engine's spec (`n` is its 1-based number). */
export function consumerSpecOf(
  g: ScenarioConsumerGroup,
  id: string,
  n: number | string,
): ConsumerSpec {
  const prefix = g.config["group.instance.id"];
  return {
    id,
    groupId: g.groupId,
    topics: [...g.topics],
    processingMsPerRecord: g.processingMsPerRecord,
    config: {
      ...consumerConfigToEngine(g.config),
      ...(g.config["partition.assignment.strategy"]
        ? { partitionAssignmentStrategy: [...g.config["partition.assignment.strategy"]] }
        : {}),
      ...(prefix !== undefined ? { groupInstanceId: `${prefix}-${n}` } : {}),
    },
  };
}

export function groupConsumers(g: ScenarioConsumerGroup): ConsumerSpec[] {
  return memberIds(g).map((id, i) => consumerSpecOf(g, id, i + 1));
}
