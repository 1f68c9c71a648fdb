// One plain-language line per services event.

import type { ServicesEvent } from "./events.ts";

const REFUSAL: Record<string, string> = {
  "receiver down": "nothing listens there (connection refused)",
  "too many connections": "it already has as many connections as it accepts",
  "receiver busy": "every worker thread is busy and its backlog is full (503)",
  "broker down": "the broker is down",
};

export function explainServicesEvent(e: ServicesEvent): string {
  switch (e.type) {
    case "rateChanged":
      return `The sender now emits about ${e.perSecond} messages a second.`;
    case "receiverStopped":
      return e.lostWork > 0
        ? `${e.receiver} went down with ${e.lostWork} messages in hand.`
        : `${e.receiver} went down.`;
    case "receiverStarted":
      return `${e.receiver} is back up.`;
    case "receiverSlowed":
      return `${e.receiver} now takes about ${e.serviceMs} ms per message.`;
    case "receiverAdded":
      return `A new receiver, ${e.receiver}, joined ${e.service}.`;
    case "brokerStopped":
      return `The broker went down; ${e.handedOut} messages handed out but not acknowledged will be handed out again.`;
    case "brokerStarted":
      return `The broker is back up with ${e.waiting} messages still queued (they were on disk).`;
    case "commandIgnored":
      return `${e.command}: ${e.reason}`;
    case "commandRejected":
      return e.message;
    case "connectionOpened":
      return `The sender opened a new connection to ${e.receiver} (${e.handshakeMs} ms of TCP and TLS handshake).`;
    case "callRefused":
      return `Call with message #${e.message} to ${e.receiver} refused: ${REFUSAL[e.reason] ?? e.reason}.`;
    case "callTimedOut":
      return `No answer from ${e.receiver} about message #${e.message} within ${e.timeoutMs} ms: the sender gave up waiting.`;
    case "retryScheduled":
      return `The sender will try message #${e.message} again in ${e.inMs} ms (attempt ${e.attempt}); its thread waits meanwhile.`;
    case "senderOverloaded":
      return `Message #${e.message} failed at once: every sender thread is busy and its backlog is full.`;
    case "messageDelivered":
      return `${e.receiver} processed message #${e.message}, ${Math.round(e.latencyMs)} ms after it was sent.`;
    case "messageProcessedAgain":
      return `${e.receiver} processed message #${e.message} again: a retry after a timeout delivered it twice.`;
    case "deliveryFailed":
      return `Message #${e.message} never reached ${e.service}: ${e.reason}.`;
    case "messageDeadLettered":
      return `Message #${e.message} for ${e.service} failed validation and went to the dead-letter queue, kept for inspection.`;
    case "messagePublished":
      return `The broker queued message #${e.message} for ${e.queues.join(", ") || "nobody"}.`;
    case "messageTransformed":
      return `The ${e.by} reshaped message #${e.message} into the format ${e.service} expects.`;
    case "publishRejected":
      return `Queue ${e.queue} is full: the broker rejected message #${e.message}.`;
    case "pushDropped":
      return `The broker pushed message #${e.message} to ${e.receiver}, which had no room left and dropped it.`;
  }
}
