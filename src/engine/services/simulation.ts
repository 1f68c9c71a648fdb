// The services model's loop: builds one side of a comparison from a spec, applies commands, and
// advances virtual time by popping timed tasks in (time, seq) order, dispatching each to its rule.

import {
  handlePublishAnswered,
  handlePublishArrives,
  handlePublishHandled,
  handlePublishTimeout,
  publish,
} from "./broker.ts";
import {
  entryProcessed,
  handleAckArrives,
  handleEntryArrives,
  handlePullArrives,
  startReceiving,
} from "./brokerDelivery.ts";
import { executeCommand, newReceiver } from "./commands.ts";
import { emit, schedule, type Ctx } from "./context.ts";
import {
  callCurrent,
  callProcessed,
  handleCallAnswered,
  handleCallArrives,
  handleCallTimeout,
} from "./direct.ts";
import type { ServicesEvent } from "./events.ts";
import { heapPop as pop } from "../queue.ts";
import { SAMPLE_INTERVAL_MS, takeSample } from "./metrics.ts";
import { finishWork } from "./receiver.ts";
import { handleArrival, restartArrivals } from "./sender.ts";
import type {
  Delivery,
  Mode,
  QueueState,
  ServicesCommand,
  ScheduledTask,
  ServicesSpec,
  ServicesState,
  VirtualMs,
} from "./types.ts";
import { validateServicesSpec } from "./validate.ts";

/** Which side of a comparison: direct calls, or through a broker that pulls or pushes. */
export interface SideSpec {
  mode: Mode;
  /** Overrides the spec's broker delivery (to compare push with pull). */
  delivery?: Delivery;
}

export type CreateServicesResult =
  { ok: true; state: ServicesState } | { ok: false; errors: string[] };

export function createServicesSimulation(spec: ServicesSpec, side: SideSpec): CreateServicesResult {
  const errors = validateServicesSpec(spec);
  if (errors.length > 0) return { ok: false, errors };
  const own: ServicesSpec = structuredCopy(spec);
  if (side.delivery) own.broker.delivery = side.delivery;
  const state: ServicesState = {
    version: 1,
    name: spec.name,
    mode: side.mode,
    seed: spec.seed >>> 0,
    time: 0,
    seq: 0,
    queue: [],
    rng: {},
    spec: own,
    ratePerSecond: spec.ratePerSecond,
    arrivalEpoch: 0,
    nextId: 1,
    sender: {
      busyThreads: 0,
      waiting: [],
      running: {},
      nextInstance: {},
      brokerConnected: false,
    },
    receivers: {},
    receiverOrder: [],
    broker:
      side.mode === "broker"
        ? {
            up: true,
            incarnation: 0,
            freeAt: 0,
            queues: {},
            deadLetters: 0,
            transformed: 0,
            routed: 0,
          }
        : null,
    jobs: {},
    attempts: {},
    deliveries: {},
    flights: [],
    recentFailures: [],
    metrics: {
      messages: 0,
      deliveries: 0,
      delivered: 0,
      failed: 0,
      deadLettered: 0,
      duplicates: 0,
      failedBy: {},
      latencies: [],
      connectionsOpened: 0,
      retries: 0,
      senderBusyMs: 0,
      calls: 0,
    },
    samples: [],
    lastSample: { t: 0, latencyIndex: 0, busyMs: 0 },
    commandLog: [],
  };
  const ctx: Ctx = { state, events: null, detail: false };
  for (const service of own.services) {
    if (state.broker) state.broker.queues[service.id] = emptyQueue(service.id);
    for (let n = 1; n <= service.instances; n++) {
      const r = newReceiver(`${service.id}-${n}`, service);
      state.receivers[r.id] = r;
      state.receiverOrder.push(r.id);
    }
  }
  if (state.broker) for (const id of state.receiverOrder) startReceiving(ctx, state.receivers[id]!);
  restartArrivals(ctx);
  schedule(ctx, SAMPLE_INTERVAL_MS, { kind: "sample" });
  for (const item of own.timeline)
    schedule(ctx, item.at, { kind: "command", command: item.command });
  state.samples.push({ t: 0, delivered: 0, failed: 0, p99: null, waiting: 0, senderBusy: 0 });
  return { ok: true, state };
}

function emptyQueue(service: string): QueueState {
  return { service, ready: [], unacked: 0, waiting: [], rejected: 0, next: 0 };
}

/** The spec is plain data: a JSON round trip is a deep copy. */
function structuredCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export interface ServicesAdvanceOptions {
  events?: ServicesEvent[];
  /** Record per-message events too. */
  detail?: boolean;
  maxEvents?: number;
}

export type ServicesAdvanceResult =
  { ok: true; processed: number } | { ok: false; processed: number; error: string };

export const DEFAULT_MAX_SERVICES_EVENTS = 2_000_000;

/** Processes every task due up to `t`; the state at `t` includes every task due at `t`. */
export function advanceServices(
  state: ServicesState,
  t: VirtualMs,
  options: ServicesAdvanceOptions = {},
): ServicesAdvanceResult {
  const ctx: Ctx = { state, events: options.events ?? null, detail: options.detail ?? false };
  const max = options.maxEvents ?? DEFAULT_MAX_SERVICES_EVENTS;
  let processed = 0;
  for (;;) {
    const next = state.queue[0];
    if (!next || next.at > t) break;
    if (processed >= max)
      return {
        ok: false,
        processed,
        error: `Stopped after ${processed} events at ${Math.round(state.time)} ms: too busy to advance that far at once.`,
      };
    pop(state.queue);
    state.time = next.at;
    dispatch(ctx, next);
    processed++;
  }
  if (t > state.time) state.time = t;
  pruneFlights(state);
  return { ok: true, processed };
}

/** Only what is still in the air is drawn; arrived flights go. */
function pruneFlights(state: ServicesState): void {
  const now = state.time;
  if (state.flights.length > 0 && state.flights.some((f) => f.arrivesAt <= now))
    state.flights = state.flights.filter((f) => f.arrivesAt > now);
}

/** Applies a command at the state's current time and records it. */
export function applyServicesCommand(
  state: ServicesState,
  command: ServicesCommand,
  options: { events?: ServicesEvent[] } = {},
): { ok: true } | { ok: false; error: string } {
  const ctx: Ctx = { state, events: options.events ?? null, detail: false };
  const error = executeCommand(ctx, command);
  if (error) {
    emit(ctx, () => ({ type: "commandRejected", time: state.time, message: error }));
    return { ok: false, error };
  }
  state.commandLog.push({ at: state.time, command });
  return { ok: true };
}

export function nextServicesEventTime(state: ServicesState): VirtualMs | undefined {
  return state.queue[0]?.at;
}

function dispatch(ctx: Ctx, item: ScheduledTask): void {
  const s = ctx.state;
  const task = item.task;
  switch (task.kind) {
    case "command": {
      const error = executeCommand(ctx, task.command);
      if (error) emit(ctx, () => ({ type: "commandRejected", time: s.time, message: error }));
      return;
    }
    case "arrival":
      return handleArrival(ctx, task.epoch);
    case "sample":
      takeSample(ctx);
      schedule(ctx, s.time + SAMPLE_INTERVAL_MS, { kind: "sample" });
      return;
    case "startJob":
    case "retry": {
      const job = s.jobs[task.job];
      if (!job) return;
      if (s.mode === "direct") callCurrent(ctx, job);
      else publish(ctx, job);
      return;
    }
    case "callArrives": {
      const a = s.attempts[task.attempt];
      if (!a) return;
      if (a.to === "broker") handlePublishArrives(ctx, a);
      else handleCallArrives(ctx, task.attempt);
      return;
    }
    case "callAnswered": {
      const a = s.attempts[task.attempt];
      if (!a) return;
      if (a.to === "broker")
        handlePublishAnswered(ctx, a, task.outcome === "invalid" ? "ok" : task.outcome);
      else handleCallAnswered(ctx, task.attempt, task.outcome);
      return;
    }
    case "callTimeout": {
      const a = s.attempts[task.attempt];
      if (!a) return;
      if (a.to === "broker") handlePublishTimeout(ctx, a);
      else handleCallTimeout(ctx, task.attempt);
      return;
    }
    case "workDone": {
      const r = s.receivers[task.receiver];
      // Work of a receiver that went down since is gone.
      if (!r || r.incarnation !== task.incarnation || !finishWork(r, task.work)) return;
      r.processedCount++;
      if (task.work.entry) entryProcessed(ctx, r, task.work);
      else callProcessed(ctx, r, task.work);
      return;
    }
    case "publishHandled":
      return handlePublishHandled(ctx, task.attempt, task.incarnation);
    case "pullArrives":
      return handlePullArrives(ctx, task.receiver, task.slot, task.incarnation);
    case "entryArrives":
      return handleEntryArrives(ctx, task.receiver, task.slot, task.incarnation, task.entry);
    case "ackArrives":
      return handleAckArrives(ctx, task.service, task.brokerIncarnation);
  }
}
