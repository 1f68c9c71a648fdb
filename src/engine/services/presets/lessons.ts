// The built-in situations in teaching order, each with the lesson it carries: why synchronous
// calls struggle, what a broker adds, what it costs, and push against pull.

import type { Delivery, Mode, ServicesSpec } from "../types.ts";
import { PRESET_SPECS, type PresetId } from "./specs.ts";

export interface PresetSide {
  label: string;
  mode: Mode;
  delivery?: Delivery;
}

export interface ServicesPreset {
  id: string;
  title: string;
  /** One sentence: the question the situation answers. */
  question: string;
  /** The lesson, a few short paragraphs. */
  lesson: string[];
  /** What to look at on the screen. */
  watch: string;
  sides: [PresetSide, PresetSide];
  spec: ServicesSpec;
}

const DIRECT: PresetSide = { label: "Direct calls", mode: "direct" };
const BROKER: PresetSide = { label: "Through a broker", mode: "broker" };

type PresetText = Omit<ServicesPreset, "id" | "spec" | "sides"> & {
  id: PresetId;
  sides?: ServicesPreset["sides"];
};

function preset(p: PresetText): ServicesPreset {
  return { sides: [DIRECT, BROKER], ...p, spec: PRESET_SPECS[p.id] };
}

export const SERVICES_PRESETS: readonly ServicesPreset[] = [
  preset({
    id: "calm",
    title: "A calm day",
    question: "When nothing goes wrong, what does a broker cost?",
    lesson: [
      "An order service sends 50 messages a second to two receivers. On the left it calls them directly: it opens a connection (a TCP and TLS handshake, 30 ms here), sends the request and waits for the answer. Keep-alive lets it reuse the connection, so it pays the handshake only a few times.",
      "On the right the same messages go through a broker: one extra network hop and a little broker work before a receiver gets each message. Both sides deliver everything. The broker side is a few milliseconds slower: that is the price of the middleman, and the broker is one more system to run, scale and keep alive.",
    ],
    watch:
      "Compare p50 latency: the broker adds a hop. Compare sender busy time: the direct sender waits for every answer.",
  }),
  preset({
    id: "peak",
    title: "Traffic peak",
    question: "What happens when eight times the usual traffic arrives for five seconds?",
    lesson: [
      "At 5 s the rate jumps from 100 to 800 messages a second; the receivers can process about 400. A synchronous sender cannot go faster than the slowest receiver it waits on: its threads fill up with calls in progress, receivers answer 503 when their backlog is full, retries add more load, and new messages find no free thread at all. Those messages are simply lost.",
      "The broker absorbs the peak in its queue. Nothing is refused: the queue grows, then the receivers drain it at their own pace after the peak. Latency rises for a while (messages wait in the queue), but every message is delivered.",
    ],
    watch:
      "Failed climbs on the left during the peak; on the right the queue depth swells, then falls to zero, and failed stays at 0.",
  }),
  preset({
    id: "receiver-down",
    title: "Receiver down",
    question: "What if the receiver is not there when the message is sent?",
    lesson: [
      "The only orders receiver is down from 5 s to 15 s. A direct call needs both ends present at the same time: every call is refused, the sender retries twice with growing pauses, then gives up. This is client-server coupling in time.",
      "With a broker the sender only needs the broker. Messages wait in the queue while the receiver is away and are delivered when it comes back: the receiver does not have to be present when the message is sent.",
    ],
    watch:
      "Direct: 'receiver down' failures for ten seconds. Broker: the queue grows for ten seconds, then drains; nothing is lost, latency is high for the waiting messages.",
  }),
  preset({
    id: "slow-receiver",
    title: "Slow receiver",
    question: "What if one receiver becomes twenty times slower?",
    lesson: [
      "From 5 s to 20 s, orders-1 takes 400 ms per message instead of 20. Calling directly, the sender still sends it every other message: its backlog fills, calls time out, the sender retries (sometimes the slow receiver finishes the first try anyway, so the message is processed twice) and its threads stay busy waiting.",
      "Through the broker, receivers pull: the slow one asks for a message only when it has finished the previous one, and the fast one takes the rest. The broker balances the load by itself.",
    ],
    watch:
      "Duplicates and timeouts on the left; on the right, orders-2 takes most of the messages and latency stays low.",
  }),
  preset({
    id: "fan-out",
    title: "Fan-out to ten services",
    question: "What does it cost the sender to broadcast every message to ten services?",
    lesson: [
      "Every message must reach ten services. Calling directly, the sender calls them one after the other and waits each time: ten round trips per message. Its sixteen threads are soon all busy, and messages arriving then fail. Broadcasting exhausts the sender, and the sender must also know every receiver's address.",
      "With a broker the sender publishes once; the broker copies the message into one queue per subscribing service (publish-subscribe). The sender does not even know who the subscribers are.",
    ],
    watch: "Sender busy near 100% on the left, a few percent on the right.",
  }),
  preset({
    id: "scale-out",
    title: "Adding receivers",
    question: "Can we add receivers to catch up with the load?",
    lesson: [
      "The sender emits 210 messages a second; one receiver processes about 100. At 8 s a second receiver starts, at 16 s a third. Calling directly, the extra calls pile up: the receiver refuses some, the sender's threads fill with calls waiting for answers, and messages are lost until enough receivers run.",
      "With a broker, the receivers of a service share one queue (competing consumers): each message goes to exactly one of them. Messages that arrive too fast wait, and every new receiver helps drain the queue. The broker is a load balancer that also keeps messages when receivers are overwhelmed.",
    ],
    watch:
      "The queue grows until 8 s, grows more slowly until 16 s, then shrinks: the receivers scale horizontally.",
  }),
  preset({
    id: "push-pull",
    title: "Push versus pull",
    question: "Who decides when a receiver gets a message?",
    sides: [
      { label: "Broker pushes", mode: "broker", delivery: "push" },
      { label: "Receivers pull", mode: "broker", delivery: "pull" },
    ],
    lesson: [
      "Both sides use a broker; orders-2 is ten times slower than orders-1. On the left the broker pushes each message to the next receiver in turn, as soon as it has one, like a synchronous call: the receiver has no say in when or how often messages come. The slow receiver's small inbox overflows and it drops what it cannot hold.",
      "On the right the receivers pull: each asks for the next message when it is ready for one. The receiver controls its own rate, the slow one takes few messages, the fast one the rest, and nothing is dropped.",
    ],
    watch: "'Overwhelmed by push' failures on the left, none on the right.",
  }),
  preset({
    id: "validate-transform-route",
    title: "Validate, transform, route",
    question: "What else can a broker do with a message on its way?",
    lesson: [
      "Messages carry a type field: orders go to billing and shipping, refunds to billing only. One message in ten is malformed, and each receiver expects its own format (reshaping a message costs 3 ms).",
      "Calling directly, the sender has to route and reshape every message itself, and each receiver rejects malformed ones with an error: they are gone, and nobody keeps them. The broker routes by the type field, reshapes the message for each queue, and sends malformed messages to a dead-letter queue, where they are kept for someone to inspect and replay.",
    ],
    watch:
      "Left: failed 'invalid message'. Right: the same messages counted as dead-lettered, kept.",
  }),
  preset({
    id: "broker-down",
    title: "The broker goes down",
    question: "What if the broker itself fails?",
    lesson: [
      "The broker is down from 8 s to 14 s. The direct side does not notice: there is no broker. On the broker side the sender cannot publish; it retries, then gives up, and those messages are lost. Messages already in the queues survive (they are on disk) and are delivered after the restart.",
      "A broker is a single point of failure unless it is itself distributed: replicated, scaled and fault tolerant. That is a hard system to design and configure, and it is what Kafka is.",
    ],
    watch: "'Broker down' failures on the right only, while the broker is away.",
  }),
];
