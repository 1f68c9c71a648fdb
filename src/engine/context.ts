// The narrow interface rules use to change the engine-owned draft: schedule a task, send a
// message over the simulated network, emit an event. simulation.ts owns the loop.

import { removeAt } from "./arrays.ts";
import { DETAIL_EVENTS, type SimEvent } from "./events.ts";
import { heapPush } from "./queue.ts";
import { brokerKeyOf, routeOf, type Route } from "./intern.ts";
import { stableFraction } from "./random.ts";
import type { Message } from "./messages.ts";
import type { BrokerState, SimState, Task, Transfer, VirtualMs } from "./types.ts";

export interface Ctx {
  state: SimState;
  /** Where events go; null when the caller does not want a trace. */
  events: SimEvent[] | null;
  detail: boolean;
}

export function schedule(ctx: Ctx, at: VirtualMs, task: Task): void {
  const s = ctx.state;
  heapPush(s.queue, { at, seq: s.seq++, task });
}

/** Events are built lazily by the callback so that an untraced run allocates nothing. */
export function emit(ctx: Ctx, make: () => SimEvent): void {
  if (ctx.events === null) return;
  const event = make();
  if (!ctx.detail && DETAIL_EVENTS.has(event.type)) return;
  ctx.events.push(event);
}

/**
 * emit() for the hot paths: the caller builds the event behind its own `ctx.events !== null`
 * (or wantsDetail) check. A function that passes emit a closure over its variables pays for
 * those variables' context on every call, traced or not.
 */
export function emitBuilt(ctx: Ctx, event: SimEvent): void {
  if (ctx.events === null) return;
  if (!ctx.detail && DETAIL_EVENTS.has(event.type)) return;
  ctx.events.push(event);
}

export function wantsDetail(ctx: Ctx): boolean {
  return ctx.events !== null && ctx.detail;
}

export function brokerOf(state: SimState, party: string): BrokerState | undefined {
  const id = brokerKeyOf(party);
  return id === null ? undefined : state.brokers[id];
}

/**
 * Whether two parties can talk now. Brokers and the controller need both ends up and neither
 * end isolated; a client reaches any live broker (an isolated broker is cut off from the
 * cluster, not from its clients: that is how a zombie leader keeps accepting writes).
 */
export function reachable(state: SimState, from: string, to: string): boolean {
  return reachableBetween(state, from, to, brokerOf(state, from), brokerOf(state, to));
}

/** reachable() with both ends' brokers already looked up (undefined for a non-broker). */
export function reachableBetween(
  state: SimState,
  from: string,
  to: string,
  a: BrokerState | undefined,
  b: BrokerState | undefined,
): boolean {
  if (a && a.status === "offline") return false;
  if (b && b.status === "offline") return false;
  if (from === "controller" || to === "controller") {
    const active = state.brokers[state.controller.active];
    if (!active || active.status === "offline" || active.isolated) return false;
    const other = from === "controller" ? b : a;
    if (other && other.id !== active.id && other.isolated) return false;
    return true;
  }
  if (a && b && a.id !== b.id && (a.isolated || b.isolated)) return false;
  return true;
}

export function linkLatency(state: SimState, from: string, to: string): number {
  const base = state.config.networkLatencyMs;
  // A fixed share per link keeps every connection FIFO while links differ a little.
  return base + Math.floor(stableFraction(state.seed, `${from}>${to}`) * (base + 1));
}

/** Sends a message; returns false (and sends nothing) if the receiver is unreachable now. */
export function send(
  ctx: Ctx,
  message: Message,
  transfer?: Omit<Transfer, "id" | "from" | "to" | "sentAt" | "arrivesAt">,
  extraDelay = 0,
): boolean {
  return transfer === undefined
    ? sendCarrying(ctx, message, null, "", -1, NO_KEYS, -1, "", extraDelay)
    : sendCarrying(
        ctx,
        message,
        transfer.kind,
        transfer.topic,
        transfer.partition,
        transfer.keys,
        transfer.firstOffset,
        transfer.label,
        extraDelay,
      );
}

const NO_KEYS: (string | null)[] = [];

/**
 * send() with the transfer's fields as arguments (kind null: no transfer), for the paths run
 * per batch and per fetch: no description object is built only to be copied.
 */
export function sendCarrying(
  ctx: Ctx,
  message: Message,
  kind: Transfer["kind"] | null,
  topic: string,
  partition: number,
  keys: (string | null)[],
  firstOffset: number,
  label: string,
  extraDelay = 0,
): boolean {
  const s = ctx.state;
  const route = routeOf(message.from, message.to);
  const arrivesAt = arrivalOf(s, message, route, extraDelay);
  if (arrivesAt < 0) return false;
  const transferId =
    kind === null
      ? -1
      : pushTransfer(s, message, arrivesAt, kind, topic, partition, keys, firstOffset, label);
  schedule(ctx, arrivesAt, {
    kind: "deliver",
    message,
    transferId,
    transferCount: kind === null ? 0 : 1,
    route,
  });
  return true;
}

/** What one part of a message carries, for a view to draw (a produce request's batch). */
export type TransferPart = Omit<Transfer, "id" | "from" | "to" | "sentAt" | "arrivesAt">;

/** send() for a message that carries several parts, each drawn as a transfer of its own. */
export function sendParts(
  ctx: Ctx,
  message: Message,
  parts: readonly TransferPart[],
  extraDelay = 0,
): boolean {
  const s = ctx.state;
  const route = routeOf(message.from, message.to);
  const arrivesAt = arrivalOf(s, message, route, extraDelay);
  if (arrivesAt < 0) return false;
  // Ids are drawn in a row: delivery removes the parts' transfers together.
  const transferId = parts.length > 0 ? s.nextId : -1;
  for (const p of parts)
    pushTransfer(
      s,
      message,
      arrivesAt,
      p.kind,
      p.topic,
      p.partition,
      p.keys,
      p.firstOffset,
      p.label,
    );
  schedule(ctx, arrivesAt, {
    kind: "deliver",
    message,
    transferId,
    transferCount: parts.length,
    route,
  });
  return true;
}

/** Adds a transfer for a view to draw; returns its id. */
function pushTransfer(
  s: SimState,
  message: Message,
  arrivesAt: number,
  kind: Transfer["kind"],
  topic: string,
  partition: number,
  keys: (string | null)[],
  firstOffset: number,
  label: string,
): number {
  const id = s.nextId++;
  // Built field by field: an object spread here was a third of the engine's time.
  s.transfers.push({
    id,
    kind,
    from: message.from,
    to: message.to,
    sentAt: s.time,
    arrivesAt,
    topic,
    partition,
    keys,
    firstOffset,
    label,
  });
  return id;
}

/** When a message sent now arrives (each link stays FIFO), or -1 if the receiver is unreachable. */
function arrivalOf(s: SimState, message: Message, route: Route, extraDelay: number): number {
  const a = route.fromBroker === null ? undefined : s.brokers[route.fromBroker];
  const b = route.toBroker === null ? undefined : s.brokers[route.toBroker];
  if (!reachableBetween(s, message.from, message.to, a, b)) return -1;
  let link = s.links[route.link];
  if (!link)
    link = s.links[route.link] = {
      latency: linkLatency(s, message.from, message.to),
      lastArrival: 0,
    };
  const arrivesAt = Math.max(s.time + extraDelay + link.latency, link.lastArrival);
  link.lastArrival = arrivesAt;
  return arrivesAt;
}

/**
 * One pending timer per key (a producer's request timeouts, a broker's parked requests, a
 * fetch session): arming it again for a later time does nothing, since the handler re-arms for
 * whatever is still waiting when it fires. This keeps stale timeouts out of the queue.
 */
export function armTimer(ctx: Ctx, key: string, at: VirtualMs, task: Task): void {
  const timers = ctx.state.timers;
  const pending = timers[key];
  if (pending !== undefined && pending <= at) return;
  timers[key] = at;
  schedule(ctx, at, task);
}

/** Whether this firing is the timer's current one (not superseded); it is then disarmed. */
export function timerFired(ctx: Ctx, key: string): boolean {
  const timers = ctx.state.timers;
  if (timers[key] !== ctx.state.time) return false;
  delete timers[key];
  return true;
}

/** The first 50 keys of a transfer's records (what a view draws), in one allocation. */
export function transferKeys(records: readonly { key: string | null }[]): (string | null)[] {
  const n = Math.min(records.length, 50);
  const out = new Array<string | null>(n);
  for (let i = 0; i < n; i++) out[i] = records[i]!.key;
  return out;
}

/** Removes the `count` transfers with ids from `id` on (a message's parts have consecutive ids). */
export function removeTransfers(state: SimState, id: number, count: number): void {
  if (id < 0 || count <= 0) return;
  // Transfers are pushed as their ids are drawn, so the list is sorted by id.
  const list = state.transfers;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = list[mid]!.id;
    if (at === id) {
      if (count === 1) removeAt(list, mid);
      else list.splice(mid, runLength(list, mid, id, count));
      return;
    }
    if (at < id) lo = mid + 1;
    else hi = mid - 1;
  }
}

/** How many of the ids id..id+count-1 sit in a row from index `at` (all, unless cleared). */
function runLength(list: readonly Transfer[], at: number, id: number, count: number): number {
  let n = 0;
  while (n < count && at + n < list.length && list[at + n]!.id === id + n) n++;
  return n;
}

export function nextId(state: SimState): number {
  return state.nextId++;
}
