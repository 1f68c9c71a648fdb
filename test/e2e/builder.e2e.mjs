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

export const tests = [
  {
    name: "builder: a producer burst at 5 s and a min.insync.replicas change at 10 s happen in the run",
    run: async ({ page, baseUrl, screenshot }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(baseUrl);
      await page.getByRole("button", { name: "New scenario…" }).click();
      const dialog = page.getByRole("dialog", { name: "New scenario" });
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
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(baseUrl);
      await page.getByRole("button", { name: "New scenario…" }).click();
      const dialog = page.getByRole("dialog", { name: "New scenario" });
      await dialog.getByRole("button", { name: "Add consumer group" }).click();

      const event = (n) => dialog.getByRole("group", { name: `Event ${n}` });
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
];
