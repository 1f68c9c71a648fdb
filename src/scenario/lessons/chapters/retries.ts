// Chapter 20: why a partition can hold a batch twice, or after one sent later, when the
// producer retries with several requests in flight, and how idempotence keeps send order.

export const retriesAndOrdering = {
  id: "retries-and-ordering",
  chapter: 20,
  title: "Retries and ordering",
  summary:
    "With several requests in flight, a retried batch can be written twice or land after one sent later; an idempotent producer's sequence numbers keep each partition in send order, each batch once.",
  seeAlso: { page: "compare", preset: "idempotence", label: "Compare: idempotence off vs on" },
  scenario: "retries-reorder-on-failover",
  steps: [
    {
      text: "billing writes 200 payments a second to the three partitions of payments, with acks=all, request.timeout.ms=1 s and enable.idempotence=false. A retry is the producer sending the same batch again: when no answer came within request.timeout.ms, or the answer was an error worth another try (the partition's leader moved). Press Play and watch billing's Accumulator, in its panel below the cluster.",
      until: [{ time: { atLeast: 4000 } }],
      highlight: [{ panel: "producers" }],
      after:
        "Records wait in a batch per partition, then go in one request per broker. Up to five requests per broker are in flight at once (max.in.flight.requests.per.connection), each waiting for its answer.",
    },
    {
      text: "At 10 s both followers start fetching only every 2.5 s. With acks=all a leader answers once the ISR has the batch, so the answers now take longer than a second. The leader has written the batch; only its answer is late.",
      predict: {
        question:
          "billing's request times out, so it sends the batch again. What does the leader do?",
        choices: [
          { text: "Recognises the batch and answers success without writing it.", correct: false },
          { text: "Writes it again: the log holds those payments twice.", correct: true },
          { text: "Replaces the first copy with the second.", correct: false },
        ],
        explanation:
          "Without idempotence a batch carries nothing the leader could recognise it by, so the retry is a new write at the end of the log. A timeout never says the write failed, only that the answer did not come in time.",
      },
      until: [{ auditDuplicates: { atLeast: 1 } }],
      highlight: [{ panel: "producers" }, { panel: "audit" }],
      after:
        "The audit counts each duplicate. Broker 1 crashes at 12 s and stays in two ISRs until replica.lag.time.max.ms (5 s) removes it, so the answers stay late and the duplicates keep coming.",
    },
    {
      text: "Broker 1 led payments-1. Its batches wait in the Accumulator with no leader until the controller fences broker 1 at 19 s and makes broker 3 the leader. billing then sends five requests to broker 3 at once. The first four arrive a few milliseconds before broker 3 has learned that it leads, and it refuses them (NotLeaderOrFollower); the fifth arrives just after.",
      predict: {
        question: "In what order do the five batches end up in payments-1?",
        choices: [
          {
            text: "In the order billing sent them: a partition always keeps the producer's order.",
            correct: false,
          },
          {
            text: "The fifth first, then the refused ones behind it when they are retried.",
            correct: true,
          },
          { text: "Only the fifth: the refused batches are lost.", correct: false },
        ],
        explanation:
          "A refused batch waits retry.backoff.ms and goes again, but the fifth was written meanwhile. With several requests in flight, a later batch can overtake an earlier one that has to be retried. The partition keeps the order in which batches are written, not the order they were sent.",
      },
      until: [{ auditOrderViolations: { atLeast: 1 } }],
      highlight: [{ partition: { topic: "payments", partition: 1 } }, { panel: "audit" }],
      after:
        "The audit's out-of-order count is no longer 0: a consumer of payments-1 reads a customer's later payment before earlier ones. One refused batch became a duplicate instead, because broker 3 had already copied it from broker 1.",
    },
    {
      text: "With enable.idempotence=true, Kafka's default since 3.0, each batch carries the producer's id and a sequence number per partition. The leader answers a batch it already has with success and writes nothing, so no duplicate. It refuses a batch whose sequence number skips ahead (OutOfOrderSequence) until the ones before it have arrived, so the retry goes first. Up to five requests stay in flight, and each batch is written once, in the order it was sent.",
      highlight: [{ panel: "producers" }],
      after:
        "Before idempotence the only way to keep order through retries was max.in.flight.requests.per.connection=1: one request at a time per broker, at a cost in throughput.",
    },
    {
      text: "The Compare page runs this scenario twice under one clock: “idempotence off vs on”. Open it with the link at the top and choose that comparison. On the left the duplicates and the reordered batches appear as here; on the right both stay 0.",
      highlight: [],
    },
  ],
};
