// Broker lifecycle commands: crash, restart, controlled shutdown, network isolation, slowness,
// and adding a broker. What follows from each (fencing, elections, truncation) is the
// controller's and the replicas' business.

import { emit, schedule, type Ctx } from "./context.ts";
import { fenceBroker, requestControllerElection } from "./controller.ts";
import { dropParkedOf } from "./produceHandling.ts";
import { onFetchDropped } from "./replication.ts";
import type { BrokerId, BrokerState } from "./types.ts";

export function newBroker(id: BrokerId, rack: string | null, voter: boolean): BrokerState {
  return {
    id,
    rack,
    status: "online",
    isolated: false,
    fenced: false,
    fetchDelayMs: 0,
    incarnation: 0,
    voter,
    fetching: {},
    lastHeartbeatAt: 0,
    hosted: [],
    followed: null,
    needsMetadata: false,
  };
}

export function startBrokerTimers(ctx: Ctx, b: BrokerState): void {
  const s = ctx.state;
  // Spread the brokers' timers a little so they do not all fire at the same instant.
  const offset = (b.id * 137) % s.config.brokerHeartbeatIntervalMs;
  // Registering with the controller starts the broker's session: one that dies before its
  // first heartbeat is still fenced after broker.session.timeout.ms.
  b.lastHeartbeatAt = s.time;
  schedule(ctx, s.time + s.config.brokerSessionTimeoutMs, {
    kind: "sessionCheck",
    broker: b.id,
    heartbeatAt: s.time,
  });
  schedule(ctx, s.time + offset, { kind: "heartbeat", broker: b.id, incarnation: b.incarnation });
  schedule(ctx, s.time + s.config.replicaLagTimeMaxMs / 2 + offset, {
    kind: "isrCheck",
    broker: b.id,
    incarnation: b.incarnation,
  });
}

/** Everything a broker believed dies with the process; the log on disk survives. */
function forgetVolatileState(ctx: Ctx, b: BrokerState): void {
  const s = ctx.state;
  b.fetching = {};
  // Followers whose fetch was parked here see it fail, and retry after the backoff: without
  // this their fetcher would wait for an answer forever and never fetch from this broker again.
  for (const pf of Object.values(s.parkedFetches))
    if (pf.leader === b.id) onFetchDropped(ctx, pf.follower, pf.leader, pf.followerIncarnation);
  dropParkedOf(ctx, b.id);
  for (const t of Object.values(s.topics)) {
    for (const p of t.partitions) {
      const r = p.replicaStates[b.id];
      if (!r) continue;
      r.role = "none";
      b.followed = null;
      r.followers = {};
      r.pendingIsr = null;
    }
  }
}

export function killBroker(ctx: Ctx, id: BrokerId): string | null {
  const s = ctx.state;
  const b = s.brokers[id];
  if (!b) return `There is no broker ${id}.`;
  if (b.status === "offline") return `Broker ${id} is already down.`;
  b.status = "offline";
  forgetVolatileState(ctx, b);
  const time = s.time;
  emit(ctx, () => ({ type: "brokerKilled", time, broker: id }));
  if (s.controller.active === id) requestControllerElection(ctx);
  return null;
}

export function restartBroker(ctx: Ctx, id: BrokerId): string | null {
  const s = ctx.state;
  const b = s.brokers[id];
  if (!b) return `There is no broker ${id}.`;
  if (b.status !== "offline") return `Broker ${id} is running.`;
  b.status = "online";
  b.incarnation += 1;
  b.needsMetadata = true;
  // Registering a new incarnation fences the old one (its leaderships move), and the broker
  // stays fenced until it has caught up on metadata.
  if (!b.fenced && s.controller.active >= 0 && s.controller.active !== id)
    fenceBroker(ctx, id, "restarted");
  b.fenced = true;
  const time = s.time;
  emit(ctx, () => ({ type: "brokerRestarted", time, broker: id }));
  schedule(ctx, s.time, { kind: "heartbeat", broker: id, incarnation: b.incarnation });
  schedule(ctx, s.time + s.config.replicaLagTimeMaxMs / 2, {
    kind: "isrCheck",
    broker: id,
    incarnation: b.incarnation,
  });
  if (s.controller.active < 0) requestControllerElection(ctx);
  return null;
}

/** Controlled shutdown: the controller moves leadership away and fences the broker at once. */
export function shutdownBroker(ctx: Ctx, id: BrokerId): string | null {
  const s = ctx.state;
  const b = s.brokers[id];
  if (!b) return `There is no broker ${id}.`;
  if (b.status === "offline") return `Broker ${id} is already down.`;
  b.status = "shuttingDown";
  if (s.controller.active >= 0 && s.controller.active !== id)
    fenceBroker(ctx, id, "controlledShutdown");
  else if (s.controller.active === id) {
    fenceBroker(ctx, id, "controlledShutdown");
    requestControllerElection(ctx);
  }
  b.status = "offline";
  forgetVolatileState(ctx, b);
  const time = s.time;
  emit(ctx, () => ({ type: "brokerShutDown", time, broker: id }));
  if (s.controller.active === id) s.controller.active = -1;
  return null;
}

export function isolateBroker(ctx: Ctx, id: BrokerId): string | null {
  const s = ctx.state;
  const b = s.brokers[id];
  if (!b) return `There is no broker ${id}.`;
  if (b.isolated) return `Broker ${id} is already isolated.`;
  b.isolated = true;
  b.needsMetadata = true;
  const time = s.time;
  emit(ctx, () => ({ type: "brokerIsolated", time, broker: id }));
  if (s.controller.active === id) requestControllerElection(ctx);
  return null;
}

export function healBroker(ctx: Ctx, id: BrokerId): string | null {
  const s = ctx.state;
  const b = s.brokers[id];
  if (!b) return `There is no broker ${id}.`;
  if (!b.isolated) return `Broker ${id} is not isolated.`;
  b.isolated = false;
  const time = s.time;
  emit(ctx, () => ({ type: "brokerHealed", time, broker: id }));
  return null;
}

export function slowBroker(ctx: Ctx, id: BrokerId, delayMs: number): string | null {
  const s = ctx.state;
  const b = s.brokers[id];
  if (!b) return `There is no broker ${id}.`;
  b.fetchDelayMs = Math.max(0, delayMs);
  // A fetcher already waiting out a longer delay fetches on the new schedule: a broker that
  // recovers from slowness catches up now, not after the old delay has run out.
  const queued = s.queue.length;
  for (let i = 0; i < queued; i++) {
    const ev = s.queue[i]!;
    const t = ev.task;
    if (
      t.kind === "sendFetch" &&
      t.follower === id &&
      t.incarnation === b.incarnation &&
      ev.at > s.time + b.fetchDelayMs
    ) {
      // Cancelled in place (same time and seq, so the heap order holds): sendFetch ignores a
      // stale incarnation. The entry is replaced, not changed, as checkpoints share entries.
      s.queue[i] = { ...ev, task: { ...t, incarnation: -1 } };
      schedule(ctx, s.time + b.fetchDelayMs, t);
    }
  }
  const time = s.time;
  emit(ctx, () => ({ type: "brokerSlowed", time, broker: id, delayMs: b.fetchDelayMs }));
  return null;
}

export function addBroker(
  ctx: Ctx,
  id: BrokerId | undefined,
  rack: string | undefined,
): string | null {
  const s = ctx.state;
  const ids = Object.values(s.brokers).map((b) => b.id);
  const newId = id ?? Math.max(0, ...ids) + 1;
  if (s.brokers[newId]) return `Broker ${newId} already exists.`;
  const hasRacks = Object.values(s.brokers).some((b) => b.rack !== null);
  if (hasRacks !== (rack !== undefined) && ids.length > 0)
    return hasRacks
      ? `The other brokers have racks: give broker ${newId} a rack too.`
      : `No other broker has a rack: add broker ${newId} without one.`;
  const b = newBroker(newId, rack ?? null, false);
  s.brokers[newId] = b;
  const time = s.time;
  emit(ctx, () => ({ type: "brokerAdded", time, broker: newId, rack: rack ?? null }));
  startBrokerTimers(ctx, b);
  return null;
}
