import assert from "node:assert/strict";
import { panelCount, sidewaysOverflow } from "./pageChecks.mjs";

const toMs = (t) => {
  const [m, s] = t.split(":");
  return (Number(m) * 60 + Number(s)) * 1000;
};

/** Plays at 10x until the virtual clock has passed `ms`, then pauses. */
async function playPast(page, ms) {
  await page.getByRole("slider", { name: "Speed" }).fill("1");
  await page.getByRole("button", { name: "Play", exact: true }).click();
  await page.waitForFunction(
    (limit) => {
      const now = document.querySelector("[aria-label='Virtual time']")?.textContent ?? "0:00";
      const [m, s] = now.split(":");
      return (Number(m) * 60 + Number(s)) * 1000 > limit;
    },
    ms,
    { timeout: 20000 },
  );
  await page.getByRole("button", { name: "Pause", exact: true }).click();
  return toMs(await page.getByLabel("Virtual time").textContent());
}

const centre = (locator) => locator.evaluate((el) => el.scrollIntoView({ block: "center" }));

/** The viewport (not the whole page) with `locator` in its middle. */
async function viewShot(page, locator, name) {
  await centre(locator);
  await page.screenshot({ path: `test-results/screenshots/${name}.png` });
}

/** What a phone shows around `locator`; returns the page's sideways overflow. */
async function phoneShot(page, locator, name) {
  await page.setViewportSize({ width: 390, height: 844 });
  await viewShot(page, locator, name);
  const overflow = await sidewaysOverflow(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  return overflow;
}

/** The builder's dialog at a projector's size, and its timeline event N. */
async function openBuilder(page, baseUrl) {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(baseUrl);
  await page.getByRole("button", { name: "New scenario…" }).click();
  const dialog = page.getByRole("dialog", { name: "New scenario" });
  const event = (n) => dialog.getByRole("group", { name: `Event ${n}` });
  return { dialog, event };
}

export const tests = [
  {
    name: "builder: a producer burst at 5 s and a min.insync.replicas change at 10 s happen in the run",
    run: async ({ page, baseUrl, screenshot }) => {
      const { dialog } = await openBuilder(page, baseUrl);
      await dialog.getByLabel("Scenario name").fill("Burst and min ISR");
      // No steady rate: every record sent is the burst's.
      await dialog
        .getByRole("group", { name: "Producer 1" })
        .getByLabel("Records per second")
        .fill("0");

      const first = dialog.getByRole("group", { name: "Event 1" });
      await first.getByLabel("At (seconds)").fill("5");
      await first.getByLabel("Action").selectOption({ label: "Burst of records" });
      assert.equal(await first.getByLabel("Producer", { exact: true }).inputValue(), "checkout");
      // A broker action's field is gone; the burst's own are there.
      assert.equal(await first.getByLabel("Broker", { exact: true }).count(), 0);
      const records = first.getByLabel("Records", { exact: true });
      await records.fill("0");
      await first.locator(".field-error").first().waitFor();
      assert.equal(await records.getAttribute("aria-invalid"), "true");
      await records.fill("500");
      await first.getByLabel("Key").fill("alice");

      await dialog.getByRole("button", { name: "Add event" }).click();
      const second = dialog.getByRole("group", { name: "Event 2" });
      await second.getByLabel("At (seconds)").fill("10");
      // From the keyboard: the action menu, then the topic and its value.
      await second.getByLabel("Action").focus();
      await second.getByLabel("Action").selectOption("setMinIsr");
      assert.equal(await second.getByLabel("Topic", { exact: true }).inputValue(), "orders");
      const minIsr = second.getByLabel("min.insync.replicas");
      await minIsr.fill("4");
      await second.getByText(/larger than the replication factor of "orders" \(3\)/).waitFor();
      assert.equal(await minIsr.getAttribute("aria-invalid"), "true");
      await viewShot(page, minIsr, "builder-timeline-error-1280");
      assert.equal(await phoneShot(page, minIsr, "builder-timeline-error-390"), 0);
      await minIsr.fill("3");
      await dialog.getByText("The scenario is valid.").waitFor();
      await viewShot(page, first, "builder-timeline-1280");
      assert.equal(await phoneShot(page, first, "builder-timeline-390"), 0);

      await dialog.getByRole("button", { name: "Open in simulator" }).click();
      await dialog.waitFor({ state: "detached" });
      const producer = page.getByRole("region", { name: "Producer checkout" });
      const topic = page
        .getByRole("region", { name: "Admin commands" })
        .getByRole("group", { name: /Topic orders/ });
      assert.equal(await panelCount(producer, "sent"), 0);
      assert.equal(
        await topic.getByRole("spinbutton", { name: "min.insync.replicas" }).inputValue(),
        "2",
      );

      const at = await playPast(page, 10500);
      assert.ok(at > 10000, `the run passed 10 s (${at} ms)`);
      assert.equal(await panelCount(producer, "sent"), 500);
      assert.equal(
        await topic.getByRole("spinbutton", { name: "min.insync.replicas" }).inputValue(),
        "3",
      );
      await screenshot("builder-opened-after-10s");
    },
  },
  {
    name: "builder: a new group member, an added broker slowed down and a stopped producer run as written",
    run: async ({ page, baseUrl }) => {
      const { dialog, event } = await openBuilder(page, baseUrl);
      await dialog.getByRole("button", { name: "Add consumer group" }).click();

      await event(1).getByLabel("At (seconds)").fill("2");
      await event(1).getByLabel("Action").selectOption({ label: "Add a group member" });
      assert.equal(await event(1).getByLabel("Consumer group").inputValue(), "billing");
      assert.equal(await event(1).getByLabel("Member id").getAttribute("placeholder"), "billing-3");

      await dialog.getByRole("button", { name: "Add event" }).click();
      await event(2).getByLabel("At (seconds)").fill("3");
      await event(2).getByLabel("Action").selectOption({ label: "Add a broker" });
      await event(2).getByText("Adds broker 4.").waitFor();

      await dialog.getByRole("button", { name: "Add event" }).click();
      await event(3).getByLabel("At (seconds)").fill("4");
      await event(3).getByLabel("Action").selectOption({ label: "Slow broker down" });
      await event(3).getByLabel("Broker", { exact: true }).selectOption({ label: "Broker 4" });
      await event(3).getByLabel("Extra fetch delay (ms)").fill("20000");

      await dialog.getByRole("button", { name: "Add event" }).click();
      await event(4).getByLabel("At (seconds)").fill("4");
      await event(4).getByLabel("Action").selectOption({ label: "Stop producer" });
      await dialog.getByText("The scenario is valid.").waitFor();
      await viewShot(page, event(2), "builder-more-events-1280");
      assert.equal(await phoneShot(page, event(3), "builder-more-events-390"), 0);

      await dialog.getByRole("button", { name: "Open in simulator" }).click();
      await dialog.waitFor({ state: "detached" });
      assert.equal(await page.getByRole("region", { name: "Broker 4" }).count(), 0);
      await playPast(page, 5000);
      await page.getByRole("region", { name: "Broker 4" }).waitFor();
      const producer = page.getByRole("region", { name: "Producer checkout" });
      await producer.getByText("stopped", { exact: true }).waitFor();
      await page.getByText("billing-3").first().waitFor();
    },
  },
  {
    name: "builder: a consumer crash at 5 s and a burst to partition 2 at 6 s happen in the run",
    run: async ({ page, baseUrl, screenshot }) => {
      const { dialog, event } = await openBuilder(page, baseUrl);
      await dialog
        .getByRole("group", { name: "Producer 1" })
        .getByLabel("Records per second")
        .fill("0");
      await dialog.getByRole("button", { name: "Add consumer group" }).click();

      const action = event(1).getByLabel("Action");
      // The consumer actions are listed under their own heading.
      assert.deepEqual(
        await action.evaluate((s) =>
          [...s.querySelectorAll("optgroup[label='Consumer'] option")].map((o) => o.textContent),
        ),
        [
          "Crash consumer",
          "Restart consumer",
          "Remove consumer (leaves the group)",
          "Pause consumer",
          "Resume consumer",
          "Stall consumer (stops polling)",
          "Set processing time",
        ],
      );
      await event(1).getByLabel("At (seconds)").fill("5");
      await action.selectOption({ label: "Crash consumer" });
      const consumer = event(1).getByLabel("Consumer", { exact: true });
      assert.equal(await consumer.inputValue(), "billing-1");
      await consumer.selectOption("billing-2");

      await dialog.getByRole("button", { name: "Add event" }).click();
      await event(2).getByLabel("At (seconds)").fill("6");
      await event(2).getByLabel("Action").selectOption({ label: "Burst of records" });
      await event(2).getByLabel("Records", { exact: true }).fill("300");
      const partition = event(2).getByLabel("Partition");
      await partition.fill("3");
      await event(2).getByText('topic "orders" has no partition 3').waitFor();
      assert.equal(await partition.getAttribute("aria-invalid"), "true");
      await partition.fill("2");
      await dialog.getByText("The scenario is valid.").waitFor();

      await dialog.getByRole("button", { name: "Open in simulator" }).click();
      await dialog.waitFor({ state: "detached" });
      const group = page.getByRole("region", { name: "Consumer group billing" });
      await group.getByRole("button", { name: "Crash billing-2" }).waitFor();

      const at = await playPast(page, 7000);
      assert.ok(at > 7000, `the run passed 7 s (${at} ms)`);
      // A crashed member offers a restart; the other one still runs.
      await group.getByRole("button", { name: "Restart billing-2" }).waitFor();
      await group.getByRole("button", { name: "Crash billing-1" }).waitFor();
      await screenshot("builder-consumer-crashed");

      await page.getByRole("button", { name: "Tables" }).click();
      const topics = page.getByRole("table", { name: "Topics" });
      await topics.waitFor();
      const leo = {};
      for (const row of await topics.getByRole("row").all()) {
        const cells = await row.getByRole("cell").allTextContents();
        if (cells[0] === "orders") leo[cells[1]] = Number(cells[6]);
      }
      assert.deepEqual(leo, { 0: 0, 1: 0, 2: 300 });
    },
  },
  {
    name: "builder: consumer, key and burst rows, and a problem with a whole event, read well",
    run: async ({ page, baseUrl }) => {
      const { dialog, event } = await openBuilder(page, baseUrl);
      await dialog.getByRole("button", { name: "Add consumer group" }).click();
      const add = async (n, at, label) => {
        if (n > 1) await dialog.getByRole("button", { name: "Add event" }).click();
        await event(n).getByLabel("At (seconds)").fill(String(at));
        await event(n).getByLabel("Action").selectOption({ label });
      };
      await add(1, 5, "Add a group member");
      await add(2, 6, "Set processing time");
      await event(2).getByLabel("Consumer", { exact: true }).selectOption("billing-3");
      await event(2).getByLabel("ms per record").fill("200");
      await add(3, 7, "Change producer keys");
      await event(3).getByLabel("Keys (comma-separated)").fill("alice, bob");
      await event(3).getByLabel("Key distribution").selectOption("hot");
      await add(4, 8, "Burst of records");
      await event(4).getByLabel("Partition").fill("1");
      await dialog.getByText("The scenario is valid.").waitFor();
      await viewShot(page, event(3), "builder-new-rows-1280");
      assert.equal(await phoneShot(page, event(2), "builder-new-rows-390"), 0);

      // The member is added at 5 s: at 4 s there is no billing-3 to slow down.
      await event(2).getByLabel("At (seconds)").fill("4");
      const consumer = event(2).getByLabel("Consumer", { exact: true });
      await event(2).getByText('no consumer with id "billing-3"').waitFor();
      assert.equal(await consumer.getAttribute("aria-invalid"), "true");
      assert.equal(
        await consumer.locator("option:checked").textContent(),
        "billing-3 (not there at that time)",
      );
      await event(2).getByLabel("At (seconds)").fill("6");

      // A renamed group: the row stays on the same member.
      await dialog.getByRole("group", { name: "Group 1" }).getByLabel("group.id").fill("fees");
      assert.equal(await consumer.inputValue(), "fees-3");

      // One broker more than a cluster may have: the problem is the event's, shown on its row.
      await dialog.getByLabel("Brokers", { exact: true }).fill("200");
      await add(5, 9, "Add a broker");
      await event(5).getByText("a cluster has at most 200 brokers").waitFor();
      const described = await event(5).evaluate(
        (g) => document.getElementById(g.getAttribute("aria-describedby"))?.textContent,
      );
      assert.equal(described, "a cluster has at most 200 brokers");
      await viewShot(page, event(5), "builder-event-problem-1280");
      assert.equal(await phoneShot(page, event(5), "builder-event-problem-390"), 0);
    },
  },
];
