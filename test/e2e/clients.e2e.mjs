import assert from "node:assert/strict";
import { assertNoSideways, panelCount } from "./pageChecks.mjs";

async function playFor(page, virtualSeconds, speedSlider = "1") {
  await page.getByRole("slider", { name: "Speed" }).fill(speedSlider);
  const start = await page.evaluate(
    () => document.querySelector("[aria-label='Virtual time']").textContent,
  );
  await page.getByRole("button", { name: "Play", exact: true }).click();
  await page.waitForFunction(
    ([from, secs]) => {
      const toMs = (t) => {
        const [m, s] = t.split(":");
        return (Number(m) * 60 + Number(s)) * 1000;
      };
      const now = document.querySelector("[aria-label='Virtual time']")?.textContent ?? from;
      return toMs(now) - toMs(from) >= secs * 1000;
    },
    [start, virtualSeconds],
    { timeout: 20000 },
  );
  await page.getByRole("button", { name: "Pause", exact: true }).click();
}

export const tests = [
  {
    name: "a producer panel changes acks live, produces one keyed record and a burst, and counts them",
    run: async ({ page, baseUrl, screenshot }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(baseUrl);
      const panel = page.getByRole("region", { name: "Producer checkout" });
      await panel.waitFor();
      await panel.getByText("acks=all · idempotent").waitFor();

      await panel.getByRole("combobox", { name: "acks" }).selectOption("1");
      // KafkaProducer turns idempotence off with acks=1.
      await panel.getByText("acks=1 · not idempotent").waitFor();

      const sent = await panelCount(panel, "sent");
      await panel.getByRole("textbox", { name: "Key" }).fill("alice");
      await panel.getByRole("textbox", { name: "Value" }).fill("hello");
      await panel.getByRole("button", { name: "Produce one record" }).click();
      assert.equal(await panelCount(panel, "sent"), sent + 1);

      await panel.getByRole("combobox", { name: "Burst size" }).selectOption("100");
      await panel.getByRole("button", { name: "Burst of 100" }).click();
      assert.equal(await panelCount(panel, "sent"), sent + 101);

      await playFor(page, 3, "1");
      assert.ok(
        (await panelCount(panel, "acknowledged")) >= sent + 101,
        "the burst is acknowledged",
      );

      // The rate and the key workload change live too.
      await panel.getByRole("spinbutton", { name: "Rate (records/s)" }).fill("50");
      await panel.getByRole("button", { name: "Set rate of producer checkout" }).click();
      await panel.getByRole("combobox", { name: "Keys" }).selectOption("hot");
      await panel.getByText(/50 records\/s · 5 keys, hot key "hot"/).waitFor();
      await panel.getByRole("button", { name: "Stop sending (checkout)" }).click();
      await panel.getByText("stopped", { exact: true }).waitFor();
      await screenshot("clients-producer-1280");
    },
  },
  {
    name: "a consumer group panel adds members until one is idle, crashes one, and changes the assignor",
    run: async ({ page, baseUrl, screenshot }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(`${baseUrl}?scenario=slow-consumer-lag`);
      const group = page.getByRole("region", { name: "Consumer group reports" });
      await group.waitFor();
      await playFor(page, 8, "1");
      await group.getByText(/Stable · gen 1/).waitFor();
      const members = group.getByRole("list", { name: "Members of group reports" });
      assert.equal(await members.getByRole("listitem").count(), 1);

      // Two partitions: a second member takes one, a third is idle.
      await group.getByRole("button", { name: "Add a consumer to reports" }).click();
      await group.getByRole("button", { name: "Add a consumer to reports" }).click();
      assert.equal(await members.getByRole("listitem").count(), 3);
      await playFor(page, 5, "1");
      await group.getByText(/Stable · gen [2-9]/).waitFor();
      await members
        .getByText(/idle: [34] members share 2 partitions/)
        .first()
        .waitFor();
      await screenshot("clients-group-idle-1280");

      // The assignor: every member restarts with the new strategy and the group rebalances.
      await group
        .getByRole("combobox", { name: "Assignor (partition.assignment.strategy)" })
        .selectOption("roundrobin");
      await page
        .getByRole("region", { name: "Events" })
        .getByText(/restarts with partition.assignment.strategy=roundrobin/)
        .first()
        .waitFor();
      await playFor(page, 3, "1");
      await group.getByText(/assignor roundrobin/).waitFor();
      await group.getByText(/Stable · gen/).waitFor();

      // A crash: no LeaveGroup, so the group only notices after session.timeout.ms.
      await group.getByRole("button", { name: "Crash reports-1" }).click();
      await members
        .getByText(/crashed/)
        .first()
        .waitFor();
      await group.getByRole("button", { name: "Restart reports-1" }).waitFor();
      await playFor(page, 10, "1");

      // The charts have data after playing: lag of the group, with its summary.
      const lag = page.getByRole("figure", { name: "Consumer lag (records)" });
      await lag
        .getByText(/Lag of group reports: [\d,]+ records, (rising|falling|steady)\./)
        .waitFor();
      const drawn = await lag
        .locator("path.line-series")
        .evaluateAll((ps) => ps.map((p) => (p.getAttribute("d") ?? "").split("L").length));
      assert.ok(
        drawn.some((n) => n > 5),
        `lag lines have points: ${drawn}`,
      );
      await lag.getByRole("combobox", { name: "Lines" }).selectOption("reports");
      await lag.getByText(/Group reports: most lag on clicks-\d/).waitFor();
      await screenshot("clients-group-assignor-1280");
    },
  },
  {
    name: "admin commands: add a broker, change topic configs live, and an impossible value says why",
    run: async ({ page, baseUrl, screenshot }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(baseUrl);
      const controls = page.getByRole("region", { name: "Admin commands" });
      await controls.getByRole("button", { name: "Add a broker" }).click();
      await page.getByRole("region", { name: "Broker 4" }).waitFor();

      const topic = controls.getByRole("group", { name: /Topic orders/ });
      await topic.getByRole("spinbutton", { name: "min.insync.replicas" }).fill("5");
      await topic.getByRole("button", { name: "Set min.insync.replicas of orders" }).click();
      await page
        .getByRole("alert")
        .getByText(
          /InvalidConfigurationException: min.insync.replicas \(5\) is larger than the replication factor \(3\)/,
        )
        .waitFor();
      await page.getByRole("button", { name: "Dismiss" }).click();
      // The value shown is still the topic's own.
      assert.equal(
        await topic.getByRole("spinbutton", { name: "min.insync.replicas" }).inputValue(),
        "2",
      );
      await topic.getByRole("checkbox", { name: "unclean.leader.election.enable" }).check();
      await page
        .getByRole("region", { name: "Events" })
        .getByText(/uncleanLeaderElectionEnable=true|unclean.leader.election.enable/)
        .first()
        .waitFor();
      await controls.getByRole("button", { name: "Elect preferred leaders" }).click();
      await screenshot("clients-cluster-controls-1280");
    },
  },
  {
    name: "the charts draw throughput, lag and replication after playing, with a now cursor, readable at 1280x720 and on a phone",
    run: async ({ page, baseUrl, screenshot }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(`${baseUrl}?scenario=classroom`);
      await playFor(page, 20, "1.5");
      const throughput = page.getByRole("figure", { name: "Throughput (records/s, 5 s average)" });
      await throughput.getByText(/Producers send [\d,]+ records\/s/).waitFor();
      const urp = page.getByRole("figure", { name: "Under-replicated partitions" });
      await urp.getByText(/All 12 partitions fully replicated\./).waitFor();
      await page
        .getByRole("figure", { name: "ISR size (replicas in sync)" })
        .getByText(/In sync: orders 18 of 18 replicas; payments 18 of 18 replicas\./)
        .waitFor();
      assert.equal(await throughput.locator(".now-cursor line").count(), 1);
      await assertNoSideways(page);
      await page.getByRole("region", { name: "Charts" }).screenshot({
        path: "test-results/screenshots/clients-charts-1280.png",
      });
      await screenshot("clients-classroom-1280");

      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByRole("region", { name: "Consumer group fulfilment" }).waitFor();
      await assertNoSideways(page);
      await screenshot("clients-classroom-390");
    },
  },
];
