// Small clusters several engine tests share.

import type { ProducerConfig } from "../../src/engine/index.ts";
import { SimDriver } from "./SimDriver.ts";

/** Three brokers; orders-0 and orders-1 led by broker 1, orders-2 by broker 2; one producer p. */
export const twoLeaders = (config: Partial<ProducerConfig> = {}): SimDriver =>
  SimDriver.create({
    brokers: 3,
    topics: [
      {
        name: "orders",
        assignment: [
          [1, 2],
          [1, 3],
          [2, 3],
        ],
      },
    ],
    producers: [{ id: "p", topic: "orders", config: { lingerMs: 5, ...config } }],
  });
