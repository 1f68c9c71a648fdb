// Commands from outside (the timeline or the user): the rate, receivers and the broker.

import { giveBack, startReceiving } from "./brokerDelivery.ts";
import { startBroker, stopBroker } from "./brokerOutage.ts";
import { emit, type Ctx } from "./context.ts";
import { dropCalls } from "./direct.ts";
import { restartArrivals } from "./sender.ts";
import type { ReceiverState, ServiceSpec, ServicesCommand } from "./types.ts";

export function newReceiver(id: string, spec: ServiceSpec): ReceiverState {
  return {
    id,
    service: spec.id,
    up: true,
    incarnation: 0,
    serviceMs: spec.serviceMs,
    threads: spec.threads,
    maxConnections: spec.maxConnections,
    backlogLimit: spec.backlog,
    processing: [],
    backlog: [],
    connections: 0,
    idleConnections: 0,
    holding: [],
    processedCount: 0,
  };
}

/** Applies a command now; returns a readable reason if it cannot apply. */
export function executeCommand(ctx: Ctx, command: ServicesCommand): string | null {
  const s = ctx.state;
  const time = s.time;
  const receiver = (id: string): ReceiverState | undefined =>
    Object.hasOwn(s.receivers, id) ? s.receivers[id] : undefined;
  switch (command.type) {
    case "setRate": {
      if (!(command.perSecond >= 0 && command.perSecond <= 10_000))
        return `A rate must be between 0 and 10000 messages a second, not ${command.perSecond}.`;
      s.ratePerSecond = command.perSecond;
      restartArrivals(ctx);
      emit(ctx, () => ({ type: "rateChanged", time, perSecond: command.perSecond }));
      return null;
    }
    case "stopReceiver": {
      const r = receiver(command.receiver);
      if (!r) return `There is no receiver called ${command.receiver}.`;
      if (!r.up) return null;
      const lostWork = r.processing.length + r.backlog.length;
      r.up = false;
      r.incarnation++;
      r.connections = 0;
      r.idleConnections = 0;
      const works = [...r.processing, ...r.backlog];
      r.processing = [];
      r.backlog = [];
      if (s.mode === "direct") dropCalls(ctx, works);
      else giveBack(ctx, r);
      emit(ctx, () => ({ type: "receiverStopped", time, receiver: r.id, lostWork }));
      return null;
    }
    case "startReceiver": {
      const r = receiver(command.receiver);
      if (!r) return `There is no receiver called ${command.receiver}.`;
      if (r.up) return null;
      r.up = true;
      if (s.mode === "broker") startReceiving(ctx, r);
      emit(ctx, () => ({ type: "receiverStarted", time, receiver: r.id }));
      return null;
    }
    case "slowReceiver": {
      const r = receiver(command.receiver);
      if (!r) return `There is no receiver called ${command.receiver}.`;
      if (!(command.serviceMs > 0 && command.serviceMs <= 60_000))
        return `A service time must be between 0 and 60000 ms, not ${command.serviceMs}.`;
      r.serviceMs = command.serviceMs;
      emit(ctx, () => ({ type: "receiverSlowed", time, receiver: r.id, serviceMs: r.serviceMs }));
      return null;
    }
    case "addReceiver": {
      const spec = s.spec.services.find((x) => x.id === command.service);
      if (!spec) return `There is no service called ${command.service}.`;
      let n = 1;
      while (receiver(`${spec.id}-${n}`)) n++;
      const r = newReceiver(`${spec.id}-${n}`, spec);
      s.receivers[r.id] = r;
      s.receiverOrder.push(r.id);
      if (s.mode === "broker") startReceiving(ctx, r);
      emit(ctx, () => ({ type: "receiverAdded", time, receiver: r.id, service: spec.id }));
      return null;
    }
    case "stopBroker":
    case "startBroker": {
      if (s.broker === null) {
        emit(ctx, () => ({
          type: "commandIgnored",
          time,
          command: command.type,
          reason: "this side has no broker.",
        }));
        return null;
      }
      if (command.type === "stopBroker") {
        if (!s.broker.up) return null;
        const handedOut = stopBroker(ctx);
        emit(ctx, () => ({ type: "brokerStopped", time, handedOut }));
      } else {
        if (s.broker.up) return null;
        const waiting = startBroker(ctx);
        emit(ctx, () => ({ type: "brokerStarted", time, waiting }));
      }
      return null;
    }
  }
}
