import assert from "node:assert/strict";

/** The leader of a partition as the Topics table shows it. */
async function leaderOf(page, topic, partition) {
  const row = page
    .getByRole("table", { name: "Topics" })
    .getByRole("row")
    .filter({ has: page.getByRole("cell", { name: topic, exact: true }) })
    .nth(partition);
  return (await row.getByRole("cell").nth(2).textContent()).trim();
}

// Each test: { name, run({ page, context, baseUrl, screenshot }) }; see run.mjs.
export const tests = [
  {
    name: "the app opens the default cluster: three brokers, the topics table and the controls",
    run: async ({ page, baseUrl, screenshot }) => {
      await page.goto(baseUrl);
      await page.getByRole("heading", { level: 1, name: "Brokerlab" }).waitFor();
      assert.equal(await page.title(), "Brokerlab — Kafka simulator");
      for (const id of [1, 2, 3]) {
        await page.getByRole("region", { name: `Broker ${id}` }).waitFor();
        await page.getByRole("button", { name: `Kill broker ${id}` }).waitFor();
      }
      assert.equal(await page.getByRole("table", { name: "Topics" }).getByRole("row").count(), 4);
      for (const name of ["Play", "Step forward", "Step back"])
        await page.getByRole("button", { name }).waitFor();
      await page.getByRole("slider", { name: "Speed" }).waitFor();
      await screenshot("app-initial");
    },
  },
  {
    name: "playing moves records; killing the leader of orders-0 elects another, the feed says so, and the timeline goes back and forth",
    run: async ({ page, baseUrl, screenshot }) => {
      await page.goto(baseUrl);
      await page.getByRole("slider", { name: "Speed" }).fill("1");
      await page.getByRole("button", { name: "Play" }).click();
      await page.waitForFunction(
        () => document.querySelector("[aria-label='Virtual time']")?.textContent !== "0:00.000",
      );
      const before = await leaderOf(page, "orders", 0);
      await page.getByRole("button", { name: `Kill broker ${before}` }).click();
      await page
        .getByRole("region", { name: "Events" })
        .getByText(`Broker ${before} crashed`)
        .waitFor();
      await page
        .getByRole("region", { name: `Broker ${before}` })
        .getByRole("button", { name: `Restart broker ${before}` })
        .waitFor();
      // The controller fences it after broker.session.timeout.ms (6 s in this scenario) and elects a new leader.
      await page.waitForFunction(
        ([old]) => {
          const row = [...document.querySelectorAll("table tbody tr")][0];
          const leader = row?.children[2]?.textContent;
          return leader !== undefined && leader !== old;
        },
        [before],
        { timeout: 15000 },
      );
      const after = await leaderOf(page, "orders", 0);
      assert.notEqual(after, before);
      await page
        .getByRole("region", { name: "Events" })
        .getByText(`became leader of orders-0`)
        .first()
        .waitFor();
      await page.getByRole("button", { name: "Pause" }).click();
      await screenshot("app-after-kill");
      // The crash has a marker on the timeline; it jumps to that moment.
      const markers = page.getByRole("list", { name: "Timeline markers" });
      await markers.getByRole("button", { name: new RegExp(`Broker ${before} crashed`) }).click();
      await page
        .getByRole("region", { name: `Broker ${before}` })
        .getByRole("button", { name: `Restart broker ${before}` })
        .waitFor();
      assert.equal(await leaderOf(page, "orders", 0), before); // not fenced yet: the controller waits for the session timeout
      // Back on the timeline, before the kill: the old leader leads again and its broker is up.
      await page.getByRole("slider", { name: "Timeline" }).fill("0");
      await page
        .getByRole("region", { name: `Broker ${before}` })
        .getByRole("button", { name: `Kill broker ${before}` })
        .waitFor();
      assert.equal(await leaderOf(page, "orders", 0), before);
      // And forward again to the end of the run: the new leader is back.
      const end = await page.getByRole("slider", { name: "Timeline" }).getAttribute("max");
      await page.getByRole("slider", { name: "Timeline" }).fill(end);
      await page
        .getByRole("region", { name: `Broker ${before}` })
        .getByRole("button", { name: `Restart broker ${before}` })
        .waitFor();
      assert.equal(await leaderOf(page, "orders", 0), after);
      await screenshot("app-seek-back-and-forth");
    },
  },
];
