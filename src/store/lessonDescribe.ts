// A condition in words, for the step panel and the challenge's report.

import type { Condition, Range, ServicesSideRef } from "../scenario/index.ts";

function range(r: Range, unit = ""): string {
  const u = unit === "" ? "" : ` ${unit}`;
  if (r.atLeast !== undefined && r.atMost !== undefined)
    return r.atLeast === r.atMost
      ? `exactly ${r.atLeast}${u}`
      : `between ${r.atLeast} and ${r.atMost}${u}`;
  if (r.atLeast !== undefined) return `at least ${r.atLeast}${u}`;
  return `at most ${r.atMost ?? 0}${u}`;
}

const seconds = (r: Range): Range => {
  const out: Range = {};
  if (r.atLeast !== undefined) out.atLeast = r.atLeast / 1000;
  if (r.atMost !== undefined) out.atMost = r.atMost / 1000;
  return out;
};

export function describeCondition(c: Condition): string {
  if ("time" in c) return `the clock shows ${range(seconds(c.time), "s")}`;
  if ("elapsed" in c) return `${range(seconds(c.elapsed), "s")} of virtual time pass`;
  if ("leaderChanged" in c)
    return `${c.leaderChanged.topic}-${c.leaderChanged.partition} has a new leader`;
  if ("partitionOffline" in c)
    return `${c.partitionOffline.topic}-${c.partitionOffline.partition} is offline`;
  if ("partitionOnline" in c)
    return `${c.partitionOnline.topic}-${c.partitionOnline.partition} has a leader`;
  if ("brokersDown" in c) return `${range(c.brokersDown)} brokers are down`;
  if ("isrSize" in c)
    return `the ISR of ${c.isrSize.topic}-${c.isrSize.partition} has ${range(c.isrSize)} replicas`;
  if ("acknowledged" in c)
    return `${range(c.acknowledged)} records acknowledged${c.acknowledged.producer ? ` to ${c.acknowledged.producer}` : ""}`;
  if ("producerFailed" in c)
    return `${range(c.producerFailed)} records of ${c.producerFailed.producer} failed${c.producerFailed.error ? ` with ${c.producerFailed.error}` : ""}`;
  if ("auditLost" in c) return `the audit counts ${range(c.auditLost)} lost records`;
  if ("auditDuplicates" in c) return `the audit counts ${range(c.auditDuplicates)} duplicates`;
  if ("auditOrderViolations" in c)
    return `the audit's out-of-order count is ${range(c.auditOrderViolations)}`;
  if ("logEndOffset" in c)
    return `${c.logEndOffset.topic}${c.logEndOffset.partition === undefined ? " (all partitions)" : `-${c.logEndOffset.partition}`} holds ${range(c.logEndOffset)} offsets`;
  if ("logStartOffset" in c)
    return `the log start offset of ${c.logStartOffset.topic}-${c.logStartOffset.partition} is ${range(c.logStartOffset)}`;
  if ("groupMembers" in c)
    return `group ${c.groupMembers.groupId} has ${range(c.groupMembers)} members`;
  if ("groupState" in c) return `group ${c.groupState.groupId} is ${c.groupState.state}`;
  if ("groupLag" in c) return `group ${c.groupLag.groupId}'s lag is ${range(c.groupLag)} records`;
  if ("consumed" in c)
    return `group ${c.consumed.groupId} has processed ${range(c.consumed)} records`;
  if ("controllerChanged" in c) return "another broker is the active controller";
  if ("noController" in c) return "the cluster has no active controller";
  if ("redelivered" in c)
    return `group ${c.redelivered.groupId} received ${range(c.redelivered)} records again`;
  return describeServicesCondition(c);
}

const SIDE_WORDS: Record<ServicesSideRef, string> = {
  direct: "the direct side",
  broker: "the broker side",
  push: "the push side",
  pull: "the pull side",
};

function describeServicesCondition(c: Condition): string {
  if ("servicesDelivered" in c)
    return `${SIDE_WORDS[c.servicesDelivered.side]} delivers ${range(c.servicesDelivered)} messages`;
  if ("servicesFailed" in c) {
    const why = c.servicesFailed.reason ? ` (${c.servicesFailed.reason})` : "";
    return `${range(c.servicesFailed)} messages fail${why} on ${SIDE_WORDS[c.servicesFailed.side]}`;
  }
  if ("servicesQueueDepth" in c)
    return `${range(c.servicesQueueDepth)} messages wait on ${SIDE_WORDS[c.servicesQueueDepth.side]}`;
  if ("servicesDeadLettered" in c)
    return `${range(c.servicesDeadLettered)} messages are dead-lettered on ${SIDE_WORDS[c.servicesDeadLettered.side]}`;
  if ("servicesDuplicates" in c)
    return `${range(c.servicesDuplicates)} messages are processed twice on ${SIDE_WORDS[c.servicesDuplicates.side]}`;
  if ("servicesSenderBusy" in c)
    return `the sender of ${SIDE_WORDS[c.servicesSenderBusy.side]} is busy ${range(c.servicesSenderBusy, "%")} of the time`;
  return "a condition this version cannot show";
}
