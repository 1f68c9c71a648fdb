import assert from "node:assert/strict";
import { playPast, seek } from "./pageChecks.mjs";

/** The value shown beside a label in the audit panel. */
async function auditCount(page, label) {
  const audit = page.getByRole("region", { name: "Audit" });
  return Number(
    await audit
      .locator("dt", { hasText: label })
      .locator("xpath=following-sibling::dd[1]")
      .textContent(),
  );
}

export const tests = [
  {
    name: "the feed tells requests failing together on one connection once, with their count",
    run: async ({ page, baseUrl, screenshot }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(`${baseUrl}?scenario=idempotence-prevents-duplicates`);
      await playPast(page, 11_200);
      await seek(page, 11_010);
      const feed = page.getByRole("region", { name: "Events" });
      // At 11.005 s a request timed out and closed plain's connection: its five requests failed.
      const lines = feed.getByRole("listitem").filter({
        hasText: "plain: send of 1 record to payments-0 failed with RequestTimedOut",
      });
      assert.equal(await lines.count(), 1);
      assert.match(await lines.first().textContent(), /×5 \(5 times\)$/);
      await lines.first().scrollIntoViewIfNeeded();
      await screenshot("feed-repeats");
    },
  },
  {
    name: "a scenario opened by link plays to its lesson: acks=1 loses acknowledged records and says why",
    run: async ({ page, baseUrl, screenshot }) => {
      await page.goto(`${baseUrl}?scenario=acks1-loss-on-failover`);
      await page.getByRole("group").or(page.locator("details")).first().waitFor();
      assert.equal(
        await page.getByRole("combobox", { name: "Scenario" }).inputValue(),
        "acks1-loss-on-failover",
      );
      await page.getByRole("slider", { name: "Speed" }).fill("2"); // 100x
      await page.getByRole("button", { name: "Play" }).click();
      await page
        .getByRole("region", { name: "Events" })
        .getByText(/LOST \d+ acknowledged records of orders-0/)
        .first()
        .waitFor({ timeout: 20000 });
      await page.getByRole("button", { name: "Pause" }).click();
      assert.ok((await auditCount(page, "lost")) > 0);
      await page
        .getByRole("region", { name: "Audit" })
        .getByText(/acks=1: leader 1 crashed before any follower fetched offset/)
        .first()
        .waitFor();
      await screenshot("scenario-acks1-loss");
    },
  },
  {
    name: "a link to a scenario that does not exist says so and opens the default",
    run: async ({ page, baseUrl, screenshot }) => {
      await page.goto(`${baseUrl}?scenario=no-such-lesson`);
      await page
        .getByRole("alert")
        .getByText('There is no built-in scenario called "no-such-lesson".')
        .waitFor();
      assert.equal(await page.getByRole("combobox", { name: "Scenario" }).inputValue(), "default");
      await page.getByRole("region", { name: "Broker 3" }).waitFor();
      await screenshot("scenario-unknown");
    },
  },
  {
    name: "picking another scenario replaces the cluster and updates the link",
    run: async ({ page, baseUrl }) => {
      await page.goto(baseUrl);
      await page.getByRole("combobox", { name: "Scenario" }).selectOption("rf1-partition-offline");
      await page.waitForFunction(
        () => new URLSearchParams(location.search).get("scenario") === "rf1-partition-offline",
      );
      const rows = page.getByRole("table", { name: "Topics" }).getByRole("row");
      await rows.filter({ hasText: "clicks" }).first().waitFor();
    },
  },
  {
    name: "the classroom cluster shows six brokers and its consumer groups like kafka-consumer-groups --describe",
    run: async ({ page, baseUrl, screenshot }) => {
      await page.goto(`${baseUrl}?scenario=classroom`);
      for (const id of [1, 2, 3, 4, 5, 6])
        await page.getByRole("region", { name: `Broker ${id}` }).waitFor();
      // The internal __consumer_offsets topic stays out of the lesson's tables.
      await page.getByRole("slider", { name: "Speed" }).fill("1"); // 10x
      await page.getByRole("button", { name: "Play" }).click();
      const groups = page.getByRole("table", { name: "Consumer groups" });
      await groups
        .getByRole("row")
        .filter({ hasText: "fulfilment" })
        .filter({ hasText: "Stable" })
        .first()
        .waitFor({ timeout: 15000 });
      await page.waitForFunction(
        () => document.querySelector("[aria-label='Virtual time']")?.textContent >= "0:10",
      );
      await page.getByRole("button", { name: "Pause" }).click();
      // 6 partitions of orders for fulfilment, 12 (orders and payments) for audit.
      assert.equal(await groups.getByRole("row").filter({ hasText: "fulfilment" }).count(), 6);
      assert.equal(await groups.getByRole("row").filter({ hasText: "audit" }).count(), 12);
      assert.equal(
        await page.getByRole("table", { name: "Topics" }).getByText("__consumer_offsets").count(),
        0,
      );
      await screenshot("classroom-groups");
    },
  },
];
