// The shell: builds a simulation from a spec, applies commands, and advances virtual time by
// popping timed events in (time, seq) order. The only place that dispatches to the rules.

import { emit, reachableBetween, removeTransfers, schedule, type Ctx } from "./context.ts";
import { DEFAULT_BROKER_CONFIG, resolveProducerConfig, type BrokerConfig } from "./config.ts";
import type { BrokerSpec, Command, ConsumerSpec, ProducerSpec, TopicSpec } from "./commands.ts";
import {
  electPreferredLeaders,
  handleAlterPartition,
  handleHeartbeat,
  handlePreferredLeaderCheck,
  handleSessionCheck,
  runControllerElection,
} from "./controller.ts";
import {
  addBroker,
  healBroker,
  isolateBroker,
  killBroker,
  newBroker,
  restartBroker,
  shutdownBroker,
  slowBroker,
  startBrokerTimers,
} from "./cluster.ts";
import type { SimEvent } from "./events.ts";
import { emptyAudit } from "./auditTypes.ts";
import type { Ctx as Context } from "./context.ts";
import type { Route } from "./intern.ts";
import type { Message } from "./messages.ts";
import { initialStickyPartitionerState } from "./partitioner.ts";
import { handleProduceRequest, handleProduceTimeout } from "./produceHandling.ts";
import {
  enqueueRecord,
  handleProduceResponse,
  handleProducerSend,
  handleProducerTick,
  handleRequestTimeout,
  onConnectionClosed,
  onProduceDropped,
  scheduleTick,
  changeAcks,
} from "./producer.ts";
import { heapPeek, heapPop } from "./queue.ts";
import {
  applyPartitionChange,
  handleFetchRequest,
  handleFetchResponse,
  handleFetchTimeout,
  handleIsrCheck,
  onFetchDropped,
  sendFetch,
} from "./replication.ts";
import { handleRetentionCheck } from "./retention.ts";
import { dispatchConsumerTask, deliverConsumerMessage } from "./consumerDispatch.ts";
import { addConsumer, executeGroupCommand } from "./groupCommands.ts";
import { entry, reservedName } from "./names.ts";
import { createTopic, validateTopicConfig, type EngineError } from "./topics.ts";
import type { ProducerState, ScheduledEvent, SimState, VirtualMs } from "./types.ts";

export interface SimulationSpec {
  name: string;
  seed: number;
  brokers: BrokerSpec[];
  config?: Partial<BrokerConfig>;
  topics: TopicSpec[];
  producers: ProducerSpec[];
  /** Consumers, each in its group (a group is created with its first member). */
  consumers?: ConsumerSpec[];
  /** Commands scheduled at virtual times (the scenario's timeline). */
  timeline: { at: VirtualMs; command: Command }[];
}

export type CreateResult = { ok: true; state: SimState } | { ok: false; errors: EngineError[] };

export function createSimulation(spec: SimulationSpec): CreateResult {
  const config: BrokerConfig = { ...DEFAULT_BROKER_CONFIG, ...spec.config };
  const sorted = [...spec.brokers].sort((a, b) => a.id - b.id);
  const voters = sorted
    .slice(0, Math.max(1, Math.min(config.controllerQuorumVoters, sorted.length)))
    .map((b) => b.id);
  const state: SimState = {
    version: 1,
    name: spec.name,
    seed: spec.seed >>> 0,
    time: 0,
    seq: 0,
    queue: [],
    rng: {},
    config,
    brokers: {},
    controller: { active: voters[0] ?? -1, epoch: 1, voters, electionPending: false },
    topics: {},
    producers: {},
    transfers: [],
    parkedFetches: {},
    parkedProduces: [],
    links: {},
    timers: {},
    nextId: 1,
    nextProducerId: 1000,
    audit: emptyAudit(),
    groups: {},
    consumers: {},
    parkedConsumerFetches: {},
    consumerFetchWaiters: {},
    commandLog: [],
  };
  const errors: EngineError[] = [];
  if (sorted.length === 0)
    errors.push({ name: "InvalidConfiguration", message: "A cluster needs at least one broker." });
  const ctx: Ctx = { state, events: null, detail: false };
  for (const b of sorted) {
    if (state.brokers[b.id]) {
      errors.push({ name: "InvalidConfiguration", message: `Broker id ${b.id} is used twice.` });
      continue;
    }
    state.brokers[b.id] = newBroker(b.id, b.rack ?? null, voters.includes(b.id));
  }
  for (const t of spec.topics) {
    const err = createTopic(ctx, t);
    if (err) errors.push({ name: err.name, message: `Topic ${t.name}: ${err.message}` });
  }
  for (const p of spec.producers) {
    const err = addProducer(ctx, p);
    if (err) errors.push(err);
  }
  if (errors.length > 0) return { ok: false, errors };
  for (const c of spec.consumers ?? []) {
    const err = addConsumer(ctx, c);
    if (err) errors.push(err);
  }
  if (errors.length > 0) return { ok: false, errors };
  for (const b of Object.values(state.brokers)) startBrokerTimers(ctx, b);
  schedule(ctx, config.logRetentionCheckIntervalMs, { kind: "retentionCheck" });
  schedule(ctx, config.leaderImbalanceCheckIntervalMs, { kind: "preferredLeaderCheck" });
  for (const item of spec.timeline)
    schedule(ctx, item.at, { kind: "command", command: item.command });
  return { ok: true, state };
}

function addProducer(ctx: Ctx, spec: ProducerSpec): EngineError | null {
  const s = ctx.state;
  const reserved = reservedName("producer", spec.id);
  if (reserved) return reserved;
  if (s.producers[spec.id])
    return { name: "InvalidConfiguration", message: `Producer ${spec.id} already exists.` };
  const topic = entry(s.topics, spec.topic);
  if (!topic)
    return {
      name: "UnknownTopicOrPartition",
      message: `Producer ${spec.id} writes to topic ${spec.topic}, which does not exist.`,
    };
  const resolved = resolveProducerConfig(spec.config ?? {});
  if (!resolved.ok)
    return {
      name: "ConfigException",
      message: `Producer ${spec.id}: ${resolved.errors.map((e) => e.message).join(" ")}`,
    };
  const pr: ProducerState = {
    id: spec.id,
    topic: spec.topic,
    config: resolved.config,
    ratePerSec: spec.ratePerSec,
    keys: spec.keys,
    keyDistribution: spec.keyDistribution ?? "uniform",
    valuePrefix: spec.valuePrefix ?? `${spec.id}-`,
    running: true,
    producerId: resolved.config.enableIdempotence ? s.nextProducerId++ : -1,
    idempotenceAsked: spec.config?.enableIdempotence ?? null,
    producerEpoch: 0,
    nextSequence: {},
    sequenceEpochs: {},
    batches: [],
    leaderCache: {},
    sticky: initialStickyPartitionerState(),
    roundRobinCounter: 0,
    nextBatchId: 0,
    nextRequestId: 0,
    nextRecordNumber: 0,
    sendScheduledAt: -1,
    nextTickAt: -1,
    metadataRefreshedAt: s.time,
    rateCarry: 0,
    sent: 0,
    acknowledged: 0,
    failed: 0,
    errors: {},
  };
  for (const p of topic.partitions) pr.leaderCache[p.partition] = p.leader;
  s.producers[spec.id] = pr;
  scheduleTick(ctx, pr, s.time);
  return null;
}

export type CommandResult = { ok: true } | { ok: false; error: EngineError };

function execute(ctx: Ctx, command: Command): EngineError | null {
  const s = ctx.state;
  const brokerError = (message: string | null): EngineError | null =>
    message ? { name: "InvalidRequest", message } : null;
  switch (command.type) {
    case "killBroker":
      return brokerError(killBroker(ctx, command.broker));
    case "restartBroker":
      return brokerError(restartBroker(ctx, command.broker));
    case "shutdownBroker":
      return brokerError(shutdownBroker(ctx, command.broker));
    case "isolateBroker":
      return brokerError(isolateBroker(ctx, command.broker));
    case "healBroker":
      return brokerError(healBroker(ctx, command.broker));
    case "slowBroker":
      return brokerError(
        slowBroker(ctx, command.broker, command.delayMs ?? s.config.replicaLagTimeMaxMs + 5000),
      );
    case "addBroker":
      return brokerError(addBroker(ctx, command.broker, command.rack));
    case "createTopic":
      return createTopic(ctx, command.topic);
    case "setTopicConfig": {
      const t = entry(s.topics, command.topic);
      if (!t)
        return { name: "UnknownTopicOrPartition", message: `There is no topic ${command.topic}.` };
      const next = { ...t.config, ...command.config };
      const err = validateTopicConfig(next, t.partitions[0]?.replicas.length ?? 1);
      if (err) return err;
      t.config = next;
      const changes = Object.entries(command.config)
        .map(([k, v]) => `${k}=${String(v)}`)
        .join(", ");
      const time = s.time;
      emit(ctx, () => ({ type: "topicConfigChanged", time, topic: t.name, changes }));
      return null;
    }
    case "electPreferredLeaders":
      if (s.controller.active < 0)
        return {
          name: "NotControllerException",
          message: "There is no active controller to run the election.",
        };
      electPreferredLeaders(ctx, command.topic);
      return null;
    case "addProducer":
      return addProducer(ctx, command.producer);
    case "setProducer": {
      const pr = entry(s.producers, command.producer);
      if (!pr)
        return { name: "InvalidRequest", message: `There is no producer ${command.producer}.` };
      // First: a refused acks change refuses the whole command.
      if (command.acks !== undefined) {
        const refused = changeAcks(s, pr, command.acks);
        if (refused) return refused;
      }
      const wasIdle = !pr.running || pr.ratePerSec <= 0;
      if (command.ratePerSec !== undefined) pr.ratePerSec = Math.max(0, command.ratePerSec);
      if (command.keys !== undefined) pr.keys = command.keys;
      if (command.keyDistribution !== undefined) pr.keyDistribution = command.keyDistribution;
      if (command.running !== undefined) pr.running = command.running;
      // A tick still pending (paused and resumed within one tick) carries on: one chain only.
      if (wasIdle && pr.running && pr.ratePerSec > 0 && pr.nextTickAt < 0)
        scheduleTick(ctx, pr, s.time);
      return null;
    }
    case "produce": {
      const pr = entry(s.producers, command.producer);
      if (!pr)
        return { name: "InvalidRequest", message: `There is no producer ${command.producer}.` };
      const n = s.topics[pr.topic]?.partitions.length ?? 0;
      if (command.partition !== undefined && (command.partition < 0 || command.partition >= n))
        return {
          name: "UnknownTopicOrPartition",
          message: `Topic ${pr.topic} has no partition ${command.partition}.`,
        };
      const count = Math.max(1, Math.min(command.count ?? 1, 100000));
      for (let i = 0; i < count; i++) {
        const num = pr.nextRecordNumber++;
        enqueueRecord(
          ctx,
          pr,
          command.key,
          command.value === undefined ? `${pr.valuePrefix}${num}` : command.value,
          command.headers ?? {},
          command.partition,
        );
      }
      return null;
    }
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
      return executeGroupCommand(ctx, command);
  }
}

function runCommand(ctx: Ctx, command: Command): CommandResult {
  const s = ctx.state;
  s.commandLog.push({ at: s.time, command });
  const error = execute(ctx, command);
  const time = s.time;
  if (error) {
    emit(ctx, () => ({
      type: "commandRejected",
      time,
      command: command.type,
      error: error.name,
      message: error.message,
    }));
    return { ok: false, error };
  }
  return { ok: true };
}

export interface AdvanceOptions {
  /** Events are appended here; omit for an untraced run. */
  events?: SimEvent[];
  /** Include per-batch and per-fetch events. */
  detail?: boolean;
  /** Guard against runaway runs: stop with an error after this many events. */
  maxEvents?: number;
}

/** Applies a command now (at the simulation's current time). */
export function applyCommand(
  state: SimState,
  command: Command,
  options: AdvanceOptions = {},
): CommandResult {
  const ctx: Ctx = { state, events: options.events ?? null, detail: options.detail ?? false };
  return runCommand(ctx, command);
}

function deliver(
  ctx: Context,
  message: Message,
  transferId: number,
  transferCount: number,
  route: Route,
): void {
  const s = ctx.state;
  removeTransfers(s, transferId, transferCount);
  const target = route.toBroker === null ? undefined : s.brokers[route.toBroker];
  const source = route.fromBroker === null ? undefined : s.brokers[route.fromBroker];
  const dropped =
    !reachableBetween(s, message.from, message.to, source, target) ||
    (target !== undefined && target.incarnation !== message.toIncarnation);
  const body = message.body;
  if (dropped) {
    if (body.kind === "fetchRequest" || body.kind === "fetchResponse")
      onFetchDropped(ctx, body.follower, body.leader, body.followerIncarnation);
    else if (body.kind === "produceRequest") onProduceDropped(ctx, body, target?.id ?? -1);
    else if (body.kind === "produceResponse")
      onConnectionClosed(ctx, body.producer, body.requestId);
    return;
  }
  switch (body.kind) {
    case "produceRequest":
      handleProduceRequest(ctx, target!.id, body);
      return;
    case "produceResponse":
      handleProduceResponse(ctx, body);
      return;
    case "fetchRequest":
      handleFetchRequest(
        ctx,
        body.leader,
        body.follower,
        body.followerIncarnation,
        body.partitions,
      );
      return;
    case "fetchResponse":
      handleFetchResponse(ctx, body.follower, body.leader, body.partitions, body.requests);
      return;
    case "alterPartition":
      handleAlterPartition(
        ctx,
        body.broker,
        body.topic,
        body.partition,
        body.leaderEpoch,
        body.newIsr,
      );
      return;
    case "partitionChange":
      applyPartitionChange(
        ctx,
        target!.id,
        body.topic,
        body.partition,
        body.leader,
        body.leaderEpoch,
        body.isr,
      );
      return;
    case "consumerFetch":
    case "consumerFetchResponse":
    case "offsetCommit":
    case "offsetCommitResponse":
      deliverConsumerMessage(ctx, target?.id ?? -1, body);
      return;
  }
}

export function dispatch(ctx: Ctx, ev: ScheduledEvent): void {
  const t = ev.task;
  switch (t.kind) {
    case "command":
      runCommand(ctx, t.command);
      return;
    case "deliver":
      deliver(ctx, t.message, t.transferId, t.transferCount, t.route);
      return;
    case "heartbeat":
      handleHeartbeat(ctx, t.broker, t.incarnation);
      return;
    case "sessionCheck":
      handleSessionCheck(ctx, t.broker, t.heartbeatAt);
      return;
    case "controllerElection":
      runControllerElection(ctx);
      return;
    case "isrCheck":
      handleIsrCheck(ctx, t.broker, t.incarnation);
      return;
    case "fetchTimeout":
      handleFetchTimeout(ctx, t.leader, t.follower);
      return;
    case "sendFetch":
      sendFetch(ctx, t.follower, t.leader, t.incarnation);
      return;
    case "connectionClosed":
      onConnectionClosed(ctx, t.producer, t.requestId);
      return;
    case "produceTimeout":
      handleProduceTimeout(ctx, t.broker);
      return;
    case "producerTick":
      handleProducerTick(ctx, t.producer);
      return;
    case "producerSend":
      handleProducerSend(ctx, t.producer);
      return;
    case "requestTimeout":
      handleRequestTimeout(ctx, t.producer);
      return;
    case "retentionCheck":
      handleRetentionCheck(ctx);
      return;
    case "preferredLeaderCheck":
      handlePreferredLeaderCheck(ctx);
      return;
    case "consumerPoll":
    case "consumerHeartbeat":
    case "consumerPollTimeout":
    case "consumerProcessed":
    case "consumerCommitTimeout":
    case "consumerFetchWait":
    case "groupTick":
    case "offsetCommitCheck":
      dispatchConsumerTask(ctx, t);
      return;
  }
}

export type AdvanceResult =
  { ok: true; processed: number } | { ok: false; processed: number; error: EngineError };

export const DEFAULT_MAX_EVENTS_PER_ADVANCE = 5_000_000;

/** Processes every event due at or before `t`, then sets the clock to `t`. */
export function advanceTo(
  state: SimState,
  t: VirtualMs,
  options: AdvanceOptions = {},
): AdvanceResult {
  const ctx: Ctx = { state, events: options.events ?? null, detail: options.detail ?? false };
  const max = options.maxEvents ?? DEFAULT_MAX_EVENTS_PER_ADVANCE;
  let processed = 0;
  for (;;) {
    const next = heapPeek(state.queue);
    if (!next || next.at > t) break;
    if (processed >= max) {
      const message = `Stopped after ${processed} events at ${state.time} ms: this run is too busy to advance that far at once.`;
      emit(ctx, () => ({
        type: "simulationStalled",
        time: state.time,
        events: processed,
        message,
      }));
      return { ok: false, processed, error: { name: "SimulationStalled", message } };
    }
    heapPop(state.queue);
    state.time = next.at;
    dispatch(ctx, next);
    processed++;
  }
  if (t > state.time) state.time = t;
  return { ok: true, processed };
}

/** The time of the next pending event (for "step to the next event"). */
export function nextEventTime(state: SimState): VirtualMs | undefined {
  return heapPeek(state.queue)?.at;
}
