// Checks a services spec before a run starts: every problem, each in words a teacher can act on.

import type { ServicesCommand, ServicesSpec } from "./types.ts";

const NAME = /^[a-z][a-z0-9-]{0,30}$/;

function within(errors: string[], what: string, value: number, min: number, max: number): void {
  if (!(typeof value === "number" && value >= min && value <= max))
    errors.push(`${what} must be between ${min} and ${max}, not ${String(value)}.`);
}

export function validateServicesSpec(spec: ServicesSpec): string[] {
  const errors: string[] = [];
  within(errors, "durationMs", spec.durationMs, 1000, 600_000);
  within(errors, "ratePerSecond", spec.ratePerSecond, 0, 10_000);
  within(errors, "badFraction", spec.badFraction, 0, 1);
  within(errors, "transformMs", spec.transformMs, 0, 10_000);
  within(errors, "latencyMs", spec.latencyMs, 0, 10_000);
  within(errors, "sender.threads", spec.sender.threads, 1, 1000);
  within(errors, "sender.backlog", spec.sender.backlog, 0, 100_000);
  within(errors, "sender.timeoutMs", spec.sender.timeoutMs, 1, 600_000);
  within(errors, "sender.retries", spec.sender.retries, 0, 20);
  within(errors, "sender.backoffMs", spec.sender.backoffMs, 0, 60_000);
  within(errors, "direct.handshakeMs", spec.direct.handshakeMs, 0, 10_000);
  within(errors, "broker.queueCapacity", spec.broker.queueCapacity, 1, 1_000_000);
  within(errors, "broker.workMs", spec.broker.workMs, 0, 10_000);
  within(errors, "broker.pollRetryMs", spec.broker.pollRetryMs, 1, 60_000);
  if (spec.kinds.length === 0) errors.push("kinds needs at least one message type.");
  if (spec.services.length === 0) errors.push("services needs at least one service.");
  const ids = new Set<string>();
  for (const [i, x] of spec.services.entries()) {
    if (!NAME.test(x.id))
      errors.push(`services[${i}].id "${x.id}" must be lower-case letters, digits and dashes.`);
    if (ids.has(x.id)) errors.push(`services[${i}].id "${x.id}" is used twice.`);
    ids.add(x.id);
    within(errors, `services[${i}].instances`, x.instances, 1, 50);
    within(errors, `services[${i}].serviceMs`, x.serviceMs, 0.1, 60_000);
    within(errors, `services[${i}].threads`, x.threads, 1, 1000);
    within(errors, `services[${i}].maxConnections`, x.maxConnections, 1, 100_000);
    within(errors, `services[${i}].backlog`, x.backlog, 0, 100_000);
  }
  if (spec.routes !== null) {
    for (const kind of Object.keys(spec.routes)) {
      if (!spec.kinds.includes(kind)) errors.push(`routes.${kind}: no message has that type.`);
      for (const target of spec.routes[kind] ?? [])
        if (!ids.has(target)) errors.push(`routes.${kind}: there is no service ${target}.`);
    }
  }
  for (const [i, item] of spec.timeline.entries()) {
    if (!(item.at >= 0)) errors.push(`timeline[${i}].at must be 0 or more.`);
    const problem = commandProblem(item.command, ids);
    if (problem) errors.push(`timeline[${i}]: ${problem}`);
  }
  return errors;
}

function commandProblem(c: ServicesCommand, services: ReadonlySet<string>): string | null {
  switch (c.type) {
    case "addReceiver":
      return services.has(c.service) ? null : `there is no service ${c.service}.`;
    case "stopReceiver":
    case "startReceiver":
    case "slowReceiver": {
      // Receivers are named <service>-<n>; later ones may be added during the run.
      const service = c.receiver.replace(/-\d+$/, "");
      return services.has(service) ? null : `there is no receiver ${c.receiver}.`;
    }
    case "setRate":
    case "stopBroker":
    case "startBroker":
      return null;
  }
}
