// Routes the consumer half's timed tasks and network messages to their rules (simulation.ts
// hands them over here, so its dispatch only gains one line per kind).

import type { Ctx } from "./context.ts";
import {
  handleCommitTimeout,
  handleConsumerFetchResponse,
  handleOffsetCommitResponse,
  handlePoll,
  handlePollTimeout,
  handleProcessed,
} from "./consumer.ts";
import { handleConsumerFetch, handleConsumerFetchTimeout } from "./consumerFetch.ts";
import { handleHeartbeat } from "./heartbeat.ts";
import type { ConsumerMessageBody, ConsumerTask } from "./consumerTasks.ts";
import { handleGroupTick } from "./coordinator.ts";
import { handleOffsetCommit, handleOffsetCommitCheck } from "./offsets.ts";
import type { BrokerId } from "./types.ts";

export function dispatchConsumerTask(ctx: Ctx, t: ConsumerTask): void {
  switch (t.kind) {
    case "consumerPoll":
      handlePoll(ctx, t.consumer, t.incarnation);
      return;
    case "consumerHeartbeat":
      handleHeartbeat(ctx, t.consumer, t.incarnation);
      return;
    case "consumerPollTimeout":
      handlePollTimeout(ctx, t.consumer, t.incarnation, t.pollId);
      return;
    case "consumerProcessed":
      handleProcessed(ctx, t.consumer, t.incarnation, t.pollId);
      return;
    case "consumerCommitTimeout":
      handleCommitTimeout(ctx, t.consumer, t.incarnation, t.commitId);
      return;
    case "consumerFetchWait":
      handleConsumerFetchTimeout(ctx, t.broker, t.consumer);
      return;
    case "groupTick":
      handleGroupTick(ctx, t.groupId);
      return;
    case "offsetCommitCheck":
      handleOffsetCommitCheck(ctx, t.groupId);
      return;
  }
}

/** A consumer message that arrived (the network already dropped what could not). */
export function deliverConsumerMessage(
  ctx: Ctx,
  broker: BrokerId,
  body: ConsumerMessageBody,
): void {
  switch (body.kind) {
    case "consumerFetch":
      handleConsumerFetch(ctx, broker, body);
      return;
    case "consumerFetchResponse":
      handleConsumerFetchResponse(ctx, body);
      return;
    case "offsetCommit":
      handleOffsetCommit(ctx, broker, body);
      return;
    case "offsetCommitResponse":
      handleOffsetCommitResponse(ctx, body);
      return;
  }
}
