import { describe, expect, it } from "vitest";
import { partitionList } from "../../../src/engine/groupExplain.ts";

describe("partition lists in the feed", () => {
  it("names up to eight partitions one by one", () => {
    expect(partitionList(["orders-0", "orders-1", "payments-3"])).toBe(
      "orders-0, orders-1, payments-3",
    );
  });

  it("tells many partitions as counted runs, per topic, in topic and number order", () => {
    const names = [
      ...Array.from({ length: 200 }, (_, i) => `orders-${240 + i}`),
      "payments-7",
      "payments-8",
      "my-topic-2",
    ];
    expect(partitionList(names)).toBe(
      "203 partitions: my-topic-2, orders-240 to orders-439, payments-7 to payments-8",
    );
  });

  it("keeps at most six runs and counts the rest", () => {
    const names = Array.from({ length: 20 }, (_, i) => `t-${i * 2}`);
    expect(partitionList(names)).toBe(
      "20 partitions: t-0, t-2, t-4, t-6, t-8, t-10, and 14 more runs",
    );
  });
});
