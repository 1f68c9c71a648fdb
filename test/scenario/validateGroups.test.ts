import { describe, expect, it } from "vitest";
import { formatProblem, validateScenario } from "../../src/scenario/index.ts";

function doc(groups: unknown[], timeline: unknown[] = []): Record<string, unknown> {
  return {
    version: 1,
    name: "groups",
    brokers: 3,
    topics: [{ name: "orders", partitions: 3, replicationFactor: 3 }],
    consumerGroups: groups,
    timeline,
  };
}

function problems(d: unknown): string[] {
  const r = validateScenario(d);
  return r.ok ? [] : r.problems.map(formatProblem);
}

const billing = { groupId: "billing", topics: ["orders"], members: 2 };

describe("consumerGroups in a scenario", () => {
  it("become consumers <groupId>-n in the engine's spec, with Kafka's config names mapped", () => {
    const r = validateScenario(
      doc([
        {
          ...billing,
          processingMsPerRecord: 20,
          config: {
            "partition.assignment.strategy": "cooperative-sticky",
            "auto.offset.reset": "earliest",
            "group.instance.id": "host",
            "max.poll.records": 10,
          },
        },
      ]),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.spec.consumers?.[0]).toEqual({
      id: "billing-1",
      groupId: "billing",
      topics: ["orders"],
      processingMsPerRecord: 20,
      config: {
        autoOffsetReset: "earliest",
        maxPollRecords: 10,
        partitionAssignmentStrategy: ["cooperative-sticky"],
        groupInstanceId: "host-1",
      },
    });
    expect(r.spec.consumers?.[1]?.id).toBe("billing-2");
    expect(r.spec.consumers?.[1]?.config?.groupInstanceId).toBe("host-2");
  });

  it("name each problem with its path, and suggest the near miss", () => {
    expect(
      problems(
        doc([
          {
            groupId: "billing",
            topics: ["order"],
            members: -1,
            config: {
              "partition.assignment.strategy": ["rang"],
              "auto.offset.rest": "earliest",
              "enable.auto.commit": "yes",
              "min.insync.replicas": 2,
            },
          },
        ]),
      ),
    ).toEqual([
      'consumerGroups[0].topics[0]: no topic named "order" (did you mean "orders"?)',
      expect.stringMatching(/^consumerGroups\[0\]\.members: /),
      'consumerGroups[0].config["partition.assignment.strategy"][0]: unknown assignor "rang" (did you mean "range"?); the assignors are range, roundrobin, sticky, cooperative-sticky',
      expect.stringMatching(
        /^consumerGroups\[0\]\.config\["auto\.offset\.rest"\]: .*did you mean "auto\.offset\.reset"/,
      ),
      expect.stringMatching(
        /^consumerGroups\[0\]\.config\["enable\.auto\.commit"\]: must be true or false/,
      ),
      'consumerGroups[0].config["min.insync.replicas"]: min.insync.replicas is a topic config: set it in a topic\'s "config"',
    ]);
  });

  it("check heartbeat.interval.ms against session.timeout.ms, as the client does", () => {
    expect(
      problems(
        doc([
          { ...billing, config: { "session.timeout.ms": 3000, "heartbeat.interval.ms": 3000 } },
        ]),
      ),
    ).toEqual([
      'consumerGroups[0].config["heartbeat.interval.ms"]: 3000 must be lower than session.timeout.ms (3000)',
    ]);
  });

  it("timeline consumer commands refer to consumers and groups that exist at that time", () => {
    expect(
      problems(
        doc(
          [billing],
          [
            { at: 1000, do: "crashConsumer", consumer: "billing-3" },
            { at: 2000, do: "addConsumer", consumer: "billing-3", groupId: "biling" },
            { at: 3000, do: "addConsumer", consumer: "billing-3", groupId: "billing" },
            { at: 4000, do: "crashConsumer", consumer: "billing-3" },
            { at: 5000, do: "resetOffsets", groupId: "billing", to: "earlist" },
            { at: 6000, do: "resetOffsets", groupId: "billing", to: "offset" },
          ],
        ),
      ),
    ).toEqual([
      'timeline[0].consumer: no consumer with id "billing-3" (did you mean "billing-1"?) (a group\'s members are named <groupId>-1, <groupId>-2, ...)',
      'timeline[1].groupId: no consumer group "biling" (did you mean "billing"?); define it in "consumerGroups"',
      'timeline[4].to: unknown reset target "earlist" (did you mean "earliest"?); one of earliest, latest, offset, timestamp',
      expect.stringMatching(/^timeline\[5\]\.offset: missing/),
    ]);
  });
});

describe("group and consumer names", () => {
  it("refuses a group id or consumer id that is a built-in JavaScript property name, as the engine does", () => {
    expect(problems(doc([{ ...billing, groupId: "__proto__" }]))).toContain(
      'consumerGroups[0].groupId: "__proto__" is a name Brokerlab keeps for itself',
    );
    expect(
      problems(
        doc(
          [billing],
          [{ at: 1000, do: "addConsumer", groupId: "billing", consumer: "constructor" }],
        ),
      ),
    ).toContain('timeline[0].consumer: "constructor" is a name Brokerlab keeps for itself');
  });
});
