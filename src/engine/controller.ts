// The KRaft controller: fences brokers that miss heartbeats, elects partition leaders (clean,
// unclean, preferred), commits ISR changes, and publishes metadata to the brokers.
// Election rules follow Kafka's PartitionChangeBuilder (assignment order, not broker id order).

import { emit, reachable, schedule, send, type Ctx } from "./context.ts";
import type { ElectionKind } from "./events.ts";
import { CONTROLLER_PARTY, brokerParty } from "./messages.ts";
import { onLeaderElected } from "./audit.ts";
import type { BrokerId, BrokerState, PartitionState, SimState } from "./types.ts";

export function isEligible(state: SimState, id: BrokerId): boolean {
  const b = state.brokers[id];
  return !!b && b.status === "online" && !b.fenced;
}

export function partitionsOf(state: SimState): PartitionState[] {
  const out: PartitionState[] = [];
  for (const t of Object.values(state.topics)) for (const p of t.partitions) out.push(p);
  return out;
}

/** Sends the partition's committed state to every broker that hosts a replica of it. */
export function publishPartition(ctx: Ctx, p: PartitionState): void {
  for (const id of p.replicas) {
    const b = ctx.state.brokers[id];
    if (!b) continue;
    send(ctx, {
      from: CONTROLLER_PARTY,
      to: brokerParty(id),
      toIncarnation: b.incarnation,
      body: {
        kind: "partitionChange",
        topic: p.topic,
        partition: p.partition,
        leader: p.leader,
        leaderEpoch: p.leaderEpoch,
        isr: [...p.isr],
      },
    });
  }
}

function setLeader(
  ctx: Ctx,
  p: PartitionState,
  leader: BrokerId,
  isr: BrokerId[],
  election: ElectionKind,
): void {
  const previousLeader = p.leader;
  p.leader = leader;
  p.isr = isr;
  p.leaderEpoch += 1;
  p.lastElection = election === "initial" ? "initial" : election;
  const time = ctx.state.time;
  if (leader < 0) {
    emit(ctx, () => ({
      type: "partitionOffline",
      time,
      topic: p.topic,
      partition: p.partition,
      previousLeader,
      isr: [...isr],
      unclean: ctx.state.topics[p.topic]!.config.uncleanLeaderElectionEnable,
    }));
  } else {
    const leaderEpoch = p.leaderEpoch;
    emit(ctx, () => ({
      type: "leaderElected",
      time,
      topic: p.topic,
      partition: p.partition,
      leader,
      previousLeader,
      leaderEpoch,
      election,
      isr: [...isr],
    }));
    onLeaderElected(ctx, p, previousLeader, election);
  }
}

/**
 * ONLINE election, then UNCLEAN if the topic allows it: the first replica in assignment order
 * that is alive and in the target ISR; failing that (unclean only) the first alive replica.
 */
export function electLeader(ctx: Ctx, p: PartitionState, targetIsr: BrokerId[]): void {
  const s = ctx.state;
  const clean = p.replicas.find((id) => targetIsr.includes(id) && isEligible(s, id));
  if (clean !== undefined) {
    setLeader(ctx, p, clean, targetIsr, "clean");
    return;
  }
  if (s.topics[p.topic]!.config.uncleanLeaderElectionEnable) {
    const unclean = p.replicas.find((id) => isEligible(s, id));
    if (unclean !== undefined) {
      // KIP-704: the ISR becomes just the unclean leader.
      setLeader(ctx, p, unclean, [unclean], "unclean");
      return;
    }
  }
  // Without ELR the ISR is never written empty: its last member stays listed.
  setLeader(ctx, p, -1, targetIsr.length > 0 ? targetIsr : p.isr, "clean");
}

/** The controller removes a fenced or shutting-down broker from every ISR and moves its leaderships. */
export function fenceBroker(
  ctx: Ctx,
  id: BrokerId,
  reason: "sessionTimeout" | "controlledShutdown" | "restarted",
): void {
  const s = ctx.state;
  const b = s.brokers[id];
  if (!b || b.fenced) return;
  b.fenced = true;
  const time = s.time;
  emit(ctx, () => ({ type: "brokerFenced", time, broker: id, reason }));
  for (const p of partitionsOf(s)) {
    if (!p.isr.includes(id) && p.leader !== id) continue;
    const shrunk = p.isr.filter((r) => r !== id);
    const targetIsr = shrunk.length > 0 ? shrunk : p.isr;
    if (p.leader === id) {
      if (reason === "controlledShutdown") {
        const next = p.replicas.find((r) => targetIsr.includes(r) && r !== id && isEligible(s, r));
        if (next !== undefined) setLeader(ctx, p, next, shrunk, "controlledShutdown");
        else electLeader(ctx, p, shrunk);
      } else {
        electLeader(ctx, p, shrunk);
      }
    } else if (shrunk.length > 0) {
      p.isr = shrunk;
      const isr = [...shrunk];
      emit(ctx, () => ({
        type: "isrShrunk",
        time,
        topic: p.topic,
        partition: p.partition,
        leader: p.leader,
        removed: [id],
        isr,
        reason: "fenced",
      }));
    }
    publishPartition(ctx, p);
  }
}

/** A broker that heartbeats again is unfenced; offline partitions it can lead come back. */
export function unfenceBroker(ctx: Ctx, id: BrokerId): void {
  const s = ctx.state;
  const b = s.brokers[id];
  if (!b || !b.fenced || b.status !== "online") return;
  b.fenced = false;
  const time = s.time;
  emit(ctx, () => ({ type: "brokerUnfenced", time, broker: id }));
  for (const p of partitionsOf(s)) {
    if (p.leader >= 0 || !p.replicas.includes(id)) continue;
    if (p.isr.includes(id) || s.topics[p.topic]!.config.uncleanLeaderElectionEnable) {
      electLeader(ctx, p, p.isr);
      publishPartition(ctx, p);
    }
  }
}

/** AlterPartition from a leader (KIP-497): accepted only from the current leader and epoch. */
export function handleAlterPartition(
  ctx: Ctx,
  brokerId: BrokerId,
  topic: string,
  partition: number,
  leaderEpoch: number,
  newIsr: BrokerId[],
): void {
  const s = ctx.state;
  const p = s.topics[topic]?.partitions[partition];
  if (!p) return;
  if (p.leader === brokerId && p.leaderEpoch === leaderEpoch) {
    // A fenced broker may not join the ISR.
    const isr = newIsr.filter((r) => r === brokerId || isEligible(s, r));
    const added = isr.filter((r) => !p.isr.includes(r));
    const removed = p.isr.filter((r) => !isr.includes(r));
    p.isr = isr;
    const time = s.time;
    const isrCopy = [...isr];
    if (removed.length > 0)
      emit(ctx, () => ({
        type: "isrShrunk",
        time,
        topic,
        partition,
        leader: brokerId,
        removed,
        isr: isrCopy,
        reason: "lagging",
      }));
    if (added.length > 0)
      emit(ctx, () => ({
        type: "isrExpanded",
        time,
        topic,
        partition,
        leader: brokerId,
        added,
        isr: isrCopy,
      }));
  }
  // Whether accepted or not, the leader learns the committed state.
  publishPartition(ctx, p);
}

/** PREFERRED election: move leadership back to replicas[0] wherever it is alive and in the ISR. */
export function electPreferredLeaders(ctx: Ctx, topic?: string): number {
  const s = ctx.state;
  if (!controllerCanCommit(s)) return 0;
  let moved = 0;
  for (const p of partitionsOf(s)) {
    if (topic !== undefined && p.topic !== topic) continue;
    const preferred = p.replicas[0]!;
    if (p.leader === preferred || !p.isr.includes(preferred) || !isEligible(s, preferred)) continue;
    setLeader(ctx, p, preferred, p.isr, "preferred");
    publishPartition(ctx, p);
    moved++;
  }
  return moved;
}

export function voterReachable(state: SimState, b: BrokerState): boolean {
  return b.voter && b.status !== "offline" && !b.isolated;
}

/**
 * Whether the active controller can write to the metadata log: one cut off from the other
 * voters cannot reach a quorum, so it changes nothing until a new controller takes over.
 */
function controllerCanCommit(s: SimState): boolean {
  const active = s.brokers[s.controller.active];
  return active !== undefined && voterReachable(s, active);
}

/**
 * Raft among the voters, reduced to what a student sees: when the active controller is gone,
 * after controller.quorum.election.timeout.ms a reachable voter wins if a majority is reachable.
 */
export function runControllerElection(ctx: Ctx): void {
  const s = ctx.state;
  s.controller.electionPending = false;
  const current = s.brokers[s.controller.active];
  if (current && voterReachable(s, current)) return;
  const voters = s.controller.voters.map((id) => s.brokers[id]!).filter(Boolean);
  const up = voters.filter((b) => voterReachable(s, b));
  const time = s.time;
  if (up.length * 2 <= voters.length) {
    s.controller.active = -1;
    emit(ctx, () => ({
      type: "controllerLost",
      time,
      voters: [...s.controller.voters],
      alive: up.length,
    }));
    return;
  }
  // The first voter whose randomized election timeout fires wins; ties follow voter order.
  const winner = up[(s.controller.epoch + s.seed) % up.length]!;
  s.controller.active = winner.id;
  s.controller.epoch += 1;
  const epoch = s.controller.epoch;
  emit(ctx, () => ({ type: "controllerElected", time, broker: winner.id, epoch }));
  // A new active controller gives every registered broker a fresh session.
  for (const b of Object.values(s.brokers)) {
    b.lastHeartbeatAt = time;
    schedule(ctx, time + s.config.brokerSessionTimeoutMs, {
      kind: "sessionCheck",
      broker: b.id,
      heartbeatAt: time,
    });
  }
}

export function requestControllerElection(ctx: Ctx): void {
  const s = ctx.state;
  if (s.controller.electionPending) return;
  s.controller.electionPending = true;
  schedule(ctx, s.time + s.config.controllerQuorumElectionTimeoutMs, {
    kind: "controllerElection",
  });
}

/** Broker heartbeat: keeps its session alive, unfences it, and lets it catch up on metadata. */
export function handleHeartbeat(ctx: Ctx, id: BrokerId, incarnation: number): void {
  const s = ctx.state;
  const b = s.brokers[id];
  if (!b || b.status === "offline" || b.incarnation !== incarnation) return;
  schedule(ctx, s.time + s.config.brokerHeartbeatIntervalMs, {
    kind: "heartbeat",
    broker: id,
    incarnation,
  });
  if (s.controller.active < 0 || !reachable(s, brokerParty(id), CONTROLLER_PARTY)) {
    const active = s.brokers[s.controller.active];
    if (!active || !voterReachable(s, active)) requestControllerElection(ctx);
    return;
  }
  b.lastHeartbeatAt = s.time;
  schedule(ctx, s.time + s.config.brokerSessionTimeoutMs, {
    kind: "sessionCheck",
    broker: id,
    heartbeatAt: s.time,
  });
  if (b.needsMetadata) {
    b.needsMetadata = false;
    for (const p of partitionsOf(s)) if (p.replicas.includes(id)) publishPartition(ctx, p);
  }
  if (b.fenced && b.status === "online") unfenceBroker(ctx, id);
}

export function handleSessionCheck(ctx: Ctx, id: BrokerId, heartbeatAt: number): void {
  const s = ctx.state;
  const b = s.brokers[id];
  if (!b || b.fenced || b.lastHeartbeatAt !== heartbeatAt || !controllerCanCommit(s)) return;
  fenceBroker(ctx, id, "sessionTimeout");
}

/** Periodic preferred-leader check (auto.leader.rebalance.enable; KRaft checks every partition). */
export function handlePreferredLeaderCheck(ctx: Ctx): void {
  const s = ctx.state;
  if (s.config.autoLeaderRebalanceEnable) electPreferredLeaders(ctx);
  schedule(ctx, s.time + s.config.leaderImbalanceCheckIntervalMs, { kind: "preferredLeaderCheck" });
}
