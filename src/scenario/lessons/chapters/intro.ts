// Chapters 1 to 4: why a broker at all, before any Kafka vocabulary. They run on the services
// simulation: the same sender and receivers, called directly on one side and through a broker
// on the other, under the same load and the same faults, so every claim shows as a number.

const BEFORE_KAFKA = { page: "before-kafka", label: "Open the side-by-side demo on its own" };

export const whyNotSync = {
  id: "why-not-sync",
  chapter: 1,
  title: "Why not call the other service directly?",
  summary:
    "A synchronous call couples sender and receiver: a receiver that is down, or a traffic peak, becomes the sender's problem. A broker in between takes the blow, at the price of a little latency.",
  seeAlso: BEFORE_KAFKA,
  simulation: "services",
  services: { preset: "receiver-down", durationMs: 90_000, timeline: false },
  steps: [
    {
      text: "An order service sends 50 messages a second to one receiver, orders-1. On the left it calls it directly over HTTP: open a connection, send the request, wait for the answer. On the right the same messages go to a broker first, and orders-1 fetches them from there. Press Play (or Space) and watch both sides for a few seconds.",
      highlight: [{ side: "direct" }, { side: "broker" }],
      predict: {
        question:
          "Nothing is broken. Which side gets each message to orders-1 sooner (look at p50)?",
        choices: [
          { text: "Direct calls: there is no middleman.", correct: true },
          { text: "The broker: it is built for speed.", correct: false },
          { text: "Exactly the same.", correct: false },
        ],
        explanation:
          "The broker adds a network hop and a little work of its own, so its p50 is a few milliseconds higher. That is the first cost of a broker: latency. The second is that it is one more system to run.",
      },
      until: [{ time: { atLeast: 5000 } }],
      after:
        "Both sides deliver everything, and the broker side is a little slower. So far the direct call looks like the better deal.",
    },
    {
      text: "Now take the receiver away. Press the button: orders-1 goes down on both sides at once.",
      highlight: [{ receiver: "orders-1" }],
      predict: {
        question: "While orders-1 is down, what happens to the messages sent to it?",
        choices: [
          { text: "They fail on both sides.", correct: false },
          {
            text: "The direct calls fail; through the broker they wait in the queue.",
            correct: true,
          },
          { text: "Both senders stop sending until orders-1 is back.", correct: false },
        ],
        explanation:
          "A direct call needs both ends present at the same moment. The sender retries, waits, then gives up: the message is lost. Through the broker, the sender only needs the broker; the message waits in the queue. Sender and receiver are decoupled in time.",
      },
      action: { do: "stopReceiver", receiver: "orders-1", label: "Take orders-1 down" },
      until: [
        { servicesFailed: { side: "direct", reason: "receiver down", atLeast: 50 } },
        { servicesQueueDepth: { side: "broker", atLeast: 100 } },
      ],
      after:
        "Look at the left sender too: its threads are busy waiting for a receiver that is not there. The callee's trouble has become the caller's trouble: that is client-server coupling.",
    },
    {
      text: "Bring orders-1 back and watch the broker's queue.",
      highlight: [{ receiver: "orders-1" }, { servicesPanel: "figures" }],
      action: { do: "startReceiver", receiver: "orders-1", label: "Bring orders-1 back" },
      until: [
        { servicesQueueDepth: { side: "broker", atMost: 5 } },
        { elapsed: { atLeast: 1000 } },
      ],
      after:
        "The queue drains in a few seconds and nothing was lost on the right; the failures on the left stay failures. The messages that waited have a high latency, but they arrived.",
    },
    {
      text: "Now a traffic peak: 800 messages a second instead of 50. orders-1 can process about 200 a second.",
      highlight: [{ servicesPanel: "charts" }],
      predict: {
        question: "What happens during the peak?",
        choices: [
          {
            text: "The direct sender runs out of threads and drops messages; the broker's queue grows.",
            correct: true,
          },
          { text: "Both sides deliver 800 a second.", correct: false },
          { text: "The broker refuses what orders-1 cannot take.", correct: false },
        ],
        explanation:
          "Calling directly, the sender cannot go faster than the receiver it waits for: its threads fill up with calls in progress, and new messages find no thread at all. The broker absorbs the peak: the messages wait until orders-1 can take them.",
      },
      action: { do: "setRate", perSecond: 800, label: "Start a traffic peak (800 a second)" },
      until: [
        { servicesFailed: { side: "direct", reason: "sender overloaded", atLeast: 300 } },
        { servicesQueueDepth: { side: "broker", atLeast: 500 } },
      ],
    },
    {
      text: "End the peak and let the broker side catch up.",
      highlight: [{ servicesPanel: "charts" }],
      action: { do: "setRate", perSecond: 50, label: "End the peak (back to 50 a second)" },
      until: [{ servicesQueueDepth: { side: "broker", atMost: 10 } }],
      after:
        "The queue empties at orders-1's own pace, and the broker side never failed a message. So why not always use a broker? It adds latency, and it must itself be scaled and kept alive. The next chapter looks at what else it gives in return.",
    },
  ],
};

export const whatIsABroker = {
  id: "what-is-a-broker",
  chapter: 2,
  title: "What a message broker does",
  summary:
    "A broker queues messages, balances them across receivers, keeps them when receivers are overwhelmed, and can validate, reshape and route them; in return it adds latency and must be made fault tolerant itself.",
  seeAlso: BEFORE_KAFKA,
  simulation: "services",
  services: { preset: "scale-out", durationMs: 90_000, timeline: false },
  steps: [
    {
      text: "The sender emits 210 messages a second. One receiver, orders-1, processes about 100 a second. Press Play.",
      highlight: [{ receiver: "orders-1" }],
      predict: {
        question:
          "What does the broker do with the 110 messages a second that orders-1 cannot take?",
        choices: [
          { text: "It refuses them, like the direct receiver.", correct: false },
          { text: "It keeps them in its queue until a receiver is free.", correct: true },
          { text: "It slows the sender down to 100 a second.", correct: false },
        ],
        explanation:
          "Queuing: the broker stores what receivers cannot take yet. Nothing fails on the right; the queue depth (Waiting) grows instead. On the left the sender's threads fill up and messages are lost.",
      },
      until: [
        { servicesQueueDepth: { side: "broker", atLeast: 400 } },
        { servicesFailed: { side: "direct", atLeast: 200 } },
      ],
    },
    {
      text: "Add a second receiver to orders. On the right it reads from the same queue as orders-1.",
      action: { do: "addReceiver", service: "orders", label: "Add a receiver to orders" },
      until: [{ elapsed: { atLeast: 4000 } }],
      after:
        "Two receivers take about 200 a second, just under the 210 that arrive: the queue barely moves. The broker shares the messages between them: each message goes to one receiver. That is load balancing.",
    },
    {
      text: "Add a third receiver and watch the queue.",
      highlight: [{ servicesPanel: "charts" }],
      action: { do: "addReceiver", service: "orders", label: "Add a third receiver" },
      until: [{ servicesQueueDepth: { side: "broker", atMost: 20 } }],
      after:
        "With three receivers the backlog drains. Every message the peak left behind was kept and delivered: receivers scale out behind the broker, and the sender never knew.",
    },
    {
      text: "A broker can also look at a message on its way. This situation sends orders and refunds; one message in ten is malformed. Switch to it and press Play.",
      predict: {
        question: "What happens to the malformed messages?",
        choices: [
          { text: "Both sides deliver them and the receivers crash.", correct: false },
          {
            text: "The direct receivers reject them and they are gone; the broker sets them aside in a dead-letter queue.",
            correct: true,
          },
          { text: "Both sides drop them silently.", correct: false },
        ],
        explanation:
          "The broker validates each message and sends the bad ones to a dead-letter queue, where someone can inspect and replay them. It also routes by the type field (refunds to billing only) and reshapes each message for its receiver. Calling directly, the sender must do all of that itself.",
      },
      action: {
        do: "choosePreset",
        preset: "validate-transform-route",
        label: "Switch to: validate, transform, route",
      },
      until: [
        { servicesDeadLettered: { side: "broker", atLeast: 20 } },
        { servicesFailed: { side: "direct", reason: "invalid message", atLeast: 20 } },
      ],
    },
    {
      text: "All of this rests on the broker. Stop it.",
      predict: {
        question: "What happens on the broker side while the broker is down?",
        choices: [
          { text: "Nothing: the messages wait in the queue as before.", correct: false },
          { text: "The sender cannot publish: new messages fail.", correct: true },
          { text: "The direct side fails too.", correct: false },
        ],
        explanation:
          "The queue lives in the broker. With the broker down the sender has nowhere to put messages: after its retries, they fail. The direct side does not notice: it has no broker.",
      },
      action: { do: "stopBroker", label: "Stop the broker" },
      until: [{ servicesFailed: { side: "broker", reason: "broker down", atLeast: 50 } }],
      after:
        "A single broker is a single point of failure. A real broker must itself be replicated, scaled and fault tolerant: that is a hard system to build, and it is what Kafka is.",
    },
    {
      text: "Restart the broker: messages flow again.",
      action: { do: "startBroker", label: "Restart the broker" },
      until: [{ elapsed: { atLeast: 2000 } }],
      after:
        "To sum up: a broker queues, decouples sender and receiver in time, balances load, keeps messages when receivers are overwhelmed, and can validate, transform and route them. It costs latency and operational work.",
    },
  ],
};

export const pushVersusPull = {
  id: "push-versus-pull",
  chapter: 3,
  title: "Push versus pull",
  summary:
    "With push the broker decides when a receiver gets a message, and a slow one is flooded; with pull each receiver asks when it is ready, so it controls its own rate. Kafka consumers pull.",
  seeAlso: BEFORE_KAFKA,
  simulation: "services",
  services: { preset: "push-pull", durationMs: 90_000 },
  steps: [
    {
      text: "Both sides use a broker now. Two receivers share the orders queue, and orders-2 is ten times slower than orders-1. On the left the broker pushes each message to the next receiver in turn, as soon as it has one. On the right each receiver asks for the next message when it is ready for one. Press Play.",
      highlight: [{ receiver: "orders-2" }],
      predict: {
        question: "Where are messages lost?",
        choices: [
          { text: "On both sides: orders-2 is too slow.", correct: false },
          { text: "Only on the push side: orders-2's inbox overflows.", correct: true },
          { text: "Only on the pull side: receivers ask too late.", correct: false },
        ],
        explanation:
          "Pushing, the broker sends orders-2 half of the messages, whatever its speed: its small inbox fills and it drops what it cannot hold. Pulling, orders-2 takes a message only when it has finished the last one, and orders-1 takes the rest.",
      },
      until: [{ servicesFailed: { side: "push", reason: "overwhelmed by push", atLeast: 30 } }],
      after:
        "Look at the figures: the pull side failed nothing. The receiver, not the broker, controls the rate at which it consumes.",
    },
    {
      text: "Would more receivers help the push side? Add one to orders.",
      predict: {
        question: "With a third receiver, does the push side stop losing messages?",
        choices: [
          { text: "Yes: there is more capacity than traffic now.", correct: false },
          {
            text: "No: orders-2 still gets every third message, more than it can take.",
            correct: true,
          },
        ],
        explanation:
          "Push hands out messages by turn, not by readiness, so the slow receiver keeps being flooded even with capacity to spare elsewhere. Pull balances by readiness.",
      },
      action: { do: "addReceiver", service: "orders", label: "Add a receiver to orders" },
      until: [{ elapsed: { atLeast: 5000 } }, { servicesFailed: { side: "push", atLeast: 180 } }],
    },
    {
      text: "Speed orders-2 back up to 20 ms a message.",
      action: {
        do: "slowReceiver",
        receiver: "orders-2",
        serviceMs: 20,
        label: "Speed orders-2 back up",
      },
      until: [{ elapsed: { atLeast: 3000 } }],
      after:
        "The failures on the push side stop: push works as long as every receiver keeps up. Push gives the lowest latency; pull lets each receiver go at its own pace, at the cost of asking even when there is nothing new. Kafka consumers pull: each one fetches the records after its position when it is ready for them.",
    },
  ],
};

export const queueAndPubSub = {
  id: "queue-and-pubsub",
  chapter: 4,
  title: "Distributed queue and publish-subscribe",
  summary:
    "Publish-subscribe: one publish reaches every subscribing service, and the sender need not know them. A queue: the receivers of one service compete, and each message goes to exactly one of them.",
  seeAlso: BEFORE_KAFKA,
  simulation: "services",
  services: { preset: "fan-out", durationMs: 90_000, timeline: false },
  steps: [
    {
      text: "Every message must now reach ten services: email, sms, billing and seven more. On the left the sender calls them one after the other. On the right it publishes once, and the broker puts a copy in each service's queue. Press Play.",
      highlight: [{ side: "direct" }],
      predict: {
        question: "How busy is each sender?",
        choices: [
          { text: "About the same: the same messages go out.", correct: false },
          {
            text: "The direct sender is nearly always busy; the publisher is mostly idle.",
            correct: true,
          },
        ],
        explanation:
          "Calling directly costs ten round trips per message, and the sender waits for each. Publishing costs one. Broadcasting exhausts a synchronous sender, and it must also know every receiver's address.",
      },
      until: [
        { time: { atLeast: 3000 } },
        { servicesSenderBusy: { side: "direct", atLeast: 90 } },
        { servicesSenderBusy: { side: "broker", atMost: 30 } },
      ],
    },
    {
      text: "Keep watching the left sender's failures.",
      until: [{ servicesFailed: { side: "direct", reason: "sender overloaded", atLeast: 50 } }],
      after:
        "No receiver is broken, yet messages fail: the sender has no free thread left for them. On the right the broker delivers every copy. This is publish-subscribe: one publish, many subscribers, and the publisher does not know who they are.",
    },
    {
      text: "The other pattern: one service, several receivers sharing its work. Switch to a service with one receiver and 210 messages a second.",
      predict: {
        question: "When we add receivers behind the broker, what does each message do?",
        choices: [
          { text: "It is copied to every receiver, as in the fan-out.", correct: false },
          { text: "It goes to exactly one of the receivers.", correct: true },
        ],
        explanation:
          "The receivers of one service share one queue and compete for its messages: a distributed queue. Copies are per service (publish-subscribe), not per receiver.",
      },
      action: {
        do: "choosePreset",
        preset: "scale-out",
        label: "Switch to: one service, one receiver",
      },
      until: [{ servicesQueueDepth: { side: "broker", atLeast: 300 } }],
    },
    {
      text: "Add a receiver to orders.",
      action: { do: "addReceiver", service: "orders", label: "Add a receiver to orders" },
      until: [{ elapsed: { atLeast: 3000 } }],
    },
    {
      text: "And one more.",
      action: { do: "addReceiver", service: "orders", label: "Add another receiver" },
      until: [{ servicesQueueDepth: { side: "broker", atMost: 20 } }],
      after:
        "Delivered counts each message once, however many receivers there are: they split the queue between them. Kafka offers both patterns with one idea, the consumer group, which comes in a later chapter.",
    },
  ],
};
