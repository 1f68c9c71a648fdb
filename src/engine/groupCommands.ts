// The consumer commands: add, remove (clean leave), crash (no leave), restart, pause/resume,
// stall (stops polling), processing time, and kafka-consumer-groups --reset-offsets.

import { emit, schedule, type Ctx } from "./context.ts";
import type { AssignorName } from "./assignors/index.ts";
import type { ConsumerSpec, GroupCommand } from "./commands.ts";
import { handlePoll, schedulePoll } from "./consumer.ts";
import { leaveNow } from "./heartbeat.ts";
import { createGroup } from "./coordinator.ts";
import { DEFAULT_CONSUMER_CONFIG, type ConsumerState, type ConsumerStatus } from "./groupTypes.ts";
import { commitPositions, revokeFrom } from "./membership.ts";
import { appendOffsets, coordinatorOf } from "./offsets.ts";
import type { EngineError } from "./topics.ts";
import type { ReplicaState } from "./types.ts";

import { entry, reservedName } from "./names.ts";

const invalid = (message: string): EngineError => ({ name: "InvalidRequest", message });

export function addConsumer(ctx: Ctx, spec: ConsumerSpec): EngineError | null {
  const s = ctx.state;
  const reserved = reservedName("consumer", spec.id) ?? reservedName("group", spec.groupId);
  if (reserved) return reserved;
  if (entry(s.consumers, spec.id)) return invalid(`Consumer ${spec.id} already exists.`);
  const missing = spec.topics.find((t) => !entry(s.topics, t));
  if (missing !== undefined)
    return {
      name: "UnknownTopicOrPartition",
      message: `Consumer ${spec.id} subscribes to topic ${missing}, which does not exist.`,
    };
  if (spec.topics.length === 0) return invalid(`Consumer ${spec.id} subscribes to no topic.`);
  const config = { ...DEFAULT_CONSUMER_CONFIG, ...spec.config };
  if (config.heartbeatIntervalMs >= config.sessionTimeoutMs)
    return {
      name: "ConfigException",
      message: `Consumer ${spec.id}: heartbeat.interval.ms (${config.heartbeatIntervalMs}) must be lower than session.timeout.ms (${config.sessionTimeoutMs}).`,
    };
  if (!s.groups[spec.groupId]) createGroup(ctx, spec.groupId);
  const c: ConsumerState = {
    id: spec.id,
    groupId: spec.groupId,
    topics: spec.topics.slice().sort(),
    config,
    processingMsPerRecord: Math.max(0, spec.processingMsPerRecord ?? 1),
    status: "running",
    incarnation: 1,
    memberId: "",
    memberState: "unjoined",
    generation: -1,
    assignment: [],
    positions: {},
    errors: {},
    phase: "idle",
    pollId: 0,
    fetchesInFlight: 0,
    inbox: [],
    lastPollAt: s.time,
    nextAutoCommitAt: s.time + config.autoCommitIntervalMs,
    rejoinNeeded: false,
    consumed: 0,
    commitId: 0,
    closingCommitId: -1,
    rejoinCommitted: false,
  };
  s.consumers[spec.id] = c;
  const time = s.time;
  emit(ctx, () => ({
    type: "consumerAdded",
    time,
    consumer: c.id,
    groupId: c.groupId,
    topics: c.topics.slice(),
  }));
  start(ctx, c);
  return null;
}

function start(ctx: Ctx, c: ConsumerState): void {
  schedulePoll(ctx, c, ctx.state.time);
  schedule(ctx, ctx.state.time + c.config.heartbeatIntervalMs, {
    kind: "consumerHeartbeat",
    consumer: c.id,
    incarnation: c.incarnation,
  });
}

function setStatus(ctx: Ctx, c: ConsumerState, status: ConsumerStatus): void {
  c.status = status;
  const time = ctx.state.time;
  emit(ctx, () => ({
    type: "consumerStatusChanged",
    time,
    consumer: c.id,
    groupId: c.groupId,
    status,
  }));
}

export function executeGroupCommand(ctx: Ctx, command: GroupCommand): EngineError | null {
  const s = ctx.state;
  if (command.type === "addConsumer") return addConsumer(ctx, command.consumer);
  if (command.type === "resetOffsets") return resetOffsets(ctx, command);
  const c = entry(s.consumers, command.consumer);
  if (!c) return invalid(`There is no consumer ${command.consumer}.`);
  const gone = c.status === "crashed" || c.status === "closed";
  switch (command.type) {
    case "removeConsumer": {
      if (gone) return invalid(`Consumer ${c.id} is not running.`);
      setStatus(ctx, c, "closed");
      // close(): an auto-committing consumer commits its positions, then sends LeaveGroup.
      const commitId = c.config.enableAutoCommit ? commitPositions(ctx, c, c.assignment) : -1;
      if (commitId >= 0) c.closingCommitId = commitId;
      else leaveNow(ctx, c);
      return null;
    }
    case "crashConsumer":
      if (gone) return invalid(`Consumer ${c.id} is not running.`);
      // The process dies: no commit, no LeaveGroup; the coordinator notices after session.timeout.ms.
      revokeFrom(ctx, c, c.assignment.slice(), "lost", `${c.id} crashed before committing`);
      c.incarnation++;
      c.phase = "idle";
      c.inbox = [];
      setStatus(ctx, c, "crashed");
      return null;
    case "restartConsumer":
      if (!gone) return invalid(`Consumer ${c.id} is still running.`);
      c.incarnation++;
      c.memberId = "";
      c.memberState = "unjoined";
      c.generation = -1;
      c.assignment = [];
      c.positions = {};
      c.errors = {};
      c.phase = "idle";
      c.lastPollAt = s.time;
      c.rejoinNeeded = false;
      setStatus(ctx, c, "running");
      start(ctx, c);
      return null;
    case "pauseConsumer":
    case "resumeConsumer":
    case "stallConsumer": {
      if (gone) return invalid(`Consumer ${c.id} is not running.`);
      const wasStalled = c.status === "stalled";
      const next =
        command.type === "pauseConsumer"
          ? "paused"
          : command.type === "stallConsumer"
            ? "stalled"
            : "running";
      setStatus(ctx, c, next);
      if (wasStalled && next !== "stalled") handlePoll(ctx, c.id, c.incarnation);
      return null;
    }
    case "setProcessingTime":
      c.processingMsPerRecord = Math.max(0, command.ms);
      return null;
    case "setAssignmentStrategy":
      return setAssignmentStrategy(ctx, c, command.strategy);
  }
}

const ASSIGNORS: readonly AssignorName[] = ["range", "roundrobin", "sticky", "cooperative-sticky"];

/**
 * partition.assignment.strategy is read when a KafkaConsumer is built, so a change means a restart
 * with the new config. Modelled as a graceful one: the member rejoins (an eager member commits and
 * revokes first, as in onJoinPrepare), and its JoinGroup lists the new assignors. A consumer that
 * is down keeps the new config for its restart.
 */
function setAssignmentStrategy(
  ctx: Ctx,
  c: ConsumerState,
  strategy: readonly AssignorName[],
): EngineError | null {
  const unknown = strategy.find((n) => !ASSIGNORS.includes(n));
  if (strategy.length === 0 || unknown !== undefined || new Set(strategy).size !== strategy.length)
    return {
      name: "ConfigException",
      message: `Invalid value ${strategy.join(",") || "(empty)"} for configuration partition.assignment.strategy: list one or more of ${ASSIGNORS.join(", ")}, each once.`,
    };
  c.config = { ...c.config, partitionAssignmentStrategy: strategy.slice() };
  const running = c.status !== "crashed" && c.status !== "closed";
  const g = ctx.state.groups[c.groupId];
  const m = g && c.memberId ? g.members[c.memberId] : undefined;
  if (running && m) {
    // The JoinGroup of the restarted member carries its new protocol list.
    m.strategies = strategy.slice();
    c.rejoinNeeded = true;
  }
  const time = ctx.state.time;
  const list = strategy.join(",");
  emit(ctx, () => ({
    type: "commandApplied",
    time,
    command: "setAssignmentStrategy",
    summary: running
      ? `Consumer ${c.id} restarts with partition.assignment.strategy=${list} and rejoins group ${c.groupId}; the group leader picks the first assignor every member lists.`
      : `Consumer ${c.id} will use partition.assignment.strategy=${list} when it restarts.`,
  }));
  return null;
}

type ResetCommand = Extract<GroupCommand, { type: "resetOffsets" }>;

function resetOffsets(ctx: Ctx, cmd: ResetCommand): EngineError | null {
  const s = ctx.state;
  const g = s.groups[cmd.groupId];
  if (!g) return invalid(`There is no consumer group ${cmd.groupId}.`);
  if (g.state !== "Empty")
    return {
      name: "IllegalStateException",
      message: `Assignments can only be reset if the group '${g.groupId}' is inactive, but the current state is ${g.state}.`,
    };
  const coordinator = coordinatorOf(s, g.groupId);
  if (coordinator < 0 || g.coordinator !== coordinator)
    return {
      name: "CoordinatorNotAvailable",
      message: `Group ${g.groupId} has no coordinator now.`,
    };
  const topics = cmd.topic !== undefined ? [cmd.topic] : groupTopicsOf(g.committed);
  const offsets: Record<string, number> = {};
  for (const t of topics) {
    const topic = s.topics[t];
    if (!topic) return { name: "UnknownTopicOrPartition", message: `There is no topic ${t}.` };
    for (const p of topic.partitions) {
      const r = p.replicaStates[String(p.leader)];
      if (!r) continue;
      offsets[`${t}-${p.partition}`] = target(r, cmd);
    }
  }
  for (const pk in offsets)
    if (offsets[pk]! < (g.deliveredUpTo[pk] ?? 0)) g.redeliveryCause[pk] = "resetOffsets";
  if (appendOffsets(ctx, g, coordinator, offsets) < 0)
    return {
      name: "CoordinatorNotAvailable",
      message: `Group ${g.groupId} has no coordinator now.`,
    };
  // The admin client writes through the coordinator; the new offsets apply once written.
  for (const pk in offsets) g.committed[pk] = offsets[pk]!;
  const time = s.time;
  const text = Object.entries(offsets)
    .map(([pk, o]) => `${pk}=${o}`)
    .join(", ");
  emit(ctx, () => ({
    type: "offsetCommitted",
    time,
    groupId: g.groupId,
    consumer: "kafka-consumer-groups --reset-offsets",
    offsets: text,
    coordinator,
  }));
  return null;
}

function groupTopicsOf(committed: Record<string, number>): string[] {
  return [...new Set(Object.keys(committed).map((pk) => pk.slice(0, pk.lastIndexOf("-"))))];
}

function target(r: ReplicaState, cmd: ResetCommand): number {
  const clamp = (o: number): number => Math.min(Math.max(o, r.logStartOffset), r.highWatermark);
  switch (cmd.to) {
    case "earliest":
      return r.logStartOffset;
    case "latest":
      return r.highWatermark;
    case "offset":
      return clamp(cmd.offset);
    case "timestamp": {
      // The first offset whose timestamp is at or after the time (ListOffsets by timestamp).
      for (const seg of r.segments)
        for (const chunk of seg.chunks)
          for (const rec of chunk)
            if (rec.offset < r.highWatermark && rec.timestamp >= cmd.timestamp) return rec.offset;
      return r.highWatermark;
    }
  }
}
