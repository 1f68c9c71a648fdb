import assert from "node:assert/strict";

// Each test: { name, run({ page, context, baseUrl, screenshot }) }; see run.mjs.
export const tests = [
  {
    name: "the app opens with its heading and the cluster region",
    run: async ({ page, baseUrl, screenshot }) => {
      await page.goto(baseUrl);
      const heading = page.getByRole("heading", { level: 1, name: "Brokerlab" });
      await heading.waitFor({ state: "visible" });
      const cluster = page.getByRole("region", { name: "Cluster" });
      await cluster.waitFor({ state: "visible" });
      assert.equal(await page.title(), "Brokerlab — Kafka simulator");
      assert.equal(await page.getByRole("main").count(), 1);
      await screenshot("app");
    },
  },
];
