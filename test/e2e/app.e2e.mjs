import assert from "node:assert/strict";
import path from "node:path";
import { fileURLToPath } from "node:url";

const SHOTS = fileURLToPath(new URL("../../test-results/screenshots/", import.meta.url));

/** A cell of a partition's row in the Topics table, by column header. */
async function topicCell(page, topic, partition, header) {
  const table = page.getByRole("table", { name: "Topics" });
  const headers = (await table.getByRole("columnheader").allTextContents()).map((h) => h.trim());
  const column = headers.indexOf(header);
  assert.ok(column >= 0, `the Topics table has a ${header} column`);
  const row = table
    .getByRole("row")
    .filter({ has: page.getByRole("cell", { name: topic, exact: true }) })
    .nth(partition);
  return (await row.getByRole("cell").nth(column).textContent()).trim();
}

const leaderOf = (page, topic, partition) => topicCell(page, topic, partition, "Leader");

/** What the window shows, as a student in front of the screen sees it (not the whole page). */
async function viewportShot(page, name) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

/** Waits until the Topics table shows another leader for the partition than `old`. */
async function waitForLeaderOtherThan(page, topic, partition, old, timeout = 15000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const now = await leaderOf(page, topic, partition);
    if (now !== old && !now.startsWith("none")) return now;
    if (Date.now() > deadline) throw new Error(`the leader of ${topic}-${partition} stayed ${old}`);
    await page.waitForTimeout(100);
  }
}

export const tests = [
  {
    name: "the app opens the default cluster: three brokers, the topics table and the controls",
    run: async ({ page, baseUrl, screenshot }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(baseUrl);
      await page.getByRole("heading", { level: 1, name: "Brokerlab" }).waitFor();
      assert.equal(await page.title(), "Brokerlab — Kafka simulator");
      for (const id of [1, 2, 3]) {
        await page.getByRole("region", { name: `Broker ${id}` }).waitFor();
        await page.getByRole("button", { name: `Kill broker ${id}` }).waitFor();
      }
      assert.equal(await page.getByRole("table", { name: "Topics" }).getByRole("row").count(), 4);
      for (const name of ["Play", "Step forward", "Step back", "Keyboard shortcuts"])
        await page.getByRole("button", { name }).waitFor();
      await page.getByRole("slider", { name: "Speed" }).waitFor();
      await page.getByRole("slider", { name: "Timeline" }).waitFor();
      // On a 720-pixel projector the controls and the first brokers are on the first screen.
      const play = await page.getByRole("button", { name: "Play" }).boundingBox();
      const broker = await page.getByRole("region", { name: "Broker 1" }).boundingBox();
      assert.ok(play.y + play.height <= 720, "Play is on the first screen");
      assert.ok(broker.y < 720 / 2, `Broker 1 starts in the top half (at ${broker.y} px)`);
      await viewportShot(page, "app-initial-1280x720");
      await screenshot("app-initial");
    },
  },
  {
    name: "playing moves records: the log end offsets grow",
    run: async ({ page, baseUrl }) => {
      await page.goto(baseUrl);
      const before = Number(await topicCell(page, "orders", 0, "LEO"));
      await page.getByRole("slider", { name: "Speed" }).fill("1"); // 10x
      await page.getByRole("button", { name: "Play" }).click();
      await page.waitForFunction(
        () => document.querySelector("[aria-label='Virtual time']")?.textContent >= "0:05",
      );
      await page.getByRole("button", { name: "Pause" }).click();
      const after = Number(await topicCell(page, "orders", 0, "LEO"));
      assert.ok(after > before, `LEO of orders-0 grew (${before} -> ${after})`);
      assert.ok(Number(await topicCell(page, "orders", 0, "HW")) > 0);
    },
  },
  {
    name: "killing the leader of orders-0 elects another and the feed says so; a step back shows the old leader; a command there forks",
    run: async ({ page, baseUrl, screenshot }) => {
      await page.goto(baseUrl);
      await page.getByRole("slider", { name: "Speed" }).fill("1"); // 10x
      await page.getByRole("button", { name: "Play" }).click();
      await page.waitForFunction(
        () => document.querySelector("[aria-label='Virtual time']")?.textContent !== "0:00.000",
      );
      // Paused, so that the crash is the latest thing that happened.
      await page.getByRole("button", { name: "Pause" }).click();
      const before = await leaderOf(page, "orders", 0);
      await page.getByRole("button", { name: `Kill broker ${before}` }).click();
      const feed = page.getByRole("region", { name: "Events" });
      await feed.getByText(`Broker ${before} crashed`).waitFor();
      // A screen reader hears it too, from the feed's polite live region.
      await page
        .getByRole("status", { name: "Latest event" })
        .filter({ hasText: `Broker ${before} crashed` })
        .waitFor({ state: "attached" });
      await page
        .getByRole("region", { name: `Broker ${before}` })
        .getByRole("button", { name: `Restart broker ${before}` })
        .waitFor();
      await page.getByRole("button", { name: "Play" }).click();
      // The controller fences it after broker.session.timeout.ms (6 s here), then elects.
      const after = await waitForLeaderOtherThan(page, "orders", 0, before);
      await feed.getByText("became leader of orders-0").first().waitFor();
      await page.getByRole("button", { name: "Pause" }).click();
      // The crash is marked on the timeline, with what it was.
      const crash = page
        .getByRole("list", { name: "Timeline markers" })
        .getByRole("button", { name: new RegExp(`Broker ${before} crashed`) });
      // The marks are one Tab stop; the arrows move between them without moving time.
      const clock = await page.getByLabel("Virtual time").textContent();
      await crash.focus();
      await page.keyboard.press("ArrowRight");
      assert.ok(
        await page.evaluate(() =>
          document.activeElement?.closest("[aria-label='Timeline markers']"),
        ),
        "the focus moved to the next mark",
      );
      assert.equal(await page.getByLabel("Virtual time").textContent(), clock);
      await screenshot("app-after-kill");
      await page.evaluate(() => window.scrollTo(0, 0));
      await viewportShot(page, "app-after-kill-viewport");

      // A click on the election's line goes to that moment; one step back is just before it.
      await feed
        .getByRole("button", { name: /became leader of orders-0/ })
        .first()
        .click();
      assert.equal(await leaderOf(page, "orders", 0), after);
      await page.getByRole("button", { name: "Step back" }).click();
      assert.equal(await leaderOf(page, "orders", 0), before);
      await page.getByRole("button", { name: "Step forward" }).click();
      assert.equal(await leaderOf(page, "orders", 0), after);
      await page.getByRole("button", { name: "Step back" }).click();
      assert.equal(await leaderOf(page, "orders", 0), before);

      // A command issued here, in the past, discards the later history, and says so.
      const timeline = page.getByRole("slider", { name: "Timeline" });
      const end = Number(await timeline.getAttribute("max"));
      await page.getByRole("button", { name: `Restart broker ${before}` }).click();
      await page
        .getByRole("status")
        .getByText(/Forked at \d+:\d\d\.\d: the later history/)
        .waitFor();
      assert.ok(Number(await timeline.getAttribute("max")) < end, "the timeline's end moved back");
      await page
        .getByRole("list", { name: "Timeline markers" })
        .getByRole("button", { name: new RegExp(`You: restart broker ${before}`) })
        .waitFor();
      await screenshot("app-fork");
    },
  },
  {
    name: "lost records stand out in the feed, and the audit with their causes is one click away",
    run: async ({ page, baseUrl }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(`${baseUrl}?scenario=acks1-loss-on-failover`);
      await page.getByRole("slider", { name: "Speed" }).fill("2"); // 100x
      await page.getByRole("button", { name: "Play" }).click();
      const feed = page.getByRole("region", { name: "Events" });
      // Not by colour alone: the line says what it is in words.
      const loss = feed.getByRole("button", { name: /Data loss: LOST \d+ acknowledged records/ });
      await loss.first().waitFor({ timeout: 20000 });
      await page.getByRole("button", { name: "Pause" }).click();
      await feed.getByRole("link", { name: /\d+ lost: see why in the audit/ }).click();
      const audit = page.getByRole("region", { name: "Audit" });
      assert.ok(
        await page.evaluate(() => document.activeElement?.id === "audit"),
        "the focus moved to the audit",
      );
      await audit
        .getByText(/acks=1: leader \d crashed before any follower fetched/)
        .first()
        .waitFor();
      // Below the sticky playback bar, not hidden under it.
      const bar = await page.getByRole("toolbar", { name: "Time controls" }).boundingBox();
      const box = await audit.boundingBox();
      assert.ok(box.y >= bar.y + bar.height, "the audit's top is below the playback bar");
      await viewportShot(page, "app-audit-from-feed");
    },
  },
  {
    name: "the tables view shows the cluster as kafka-topics prints it, and is remembered",
    run: async ({ page, baseUrl, screenshot }) => {
      await page.goto(baseUrl);
      const tables = page.getByRole("button", { name: "Tables" });
      assert.equal(await tables.getAttribute("aria-pressed"), "false");
      await tables.click();
      assert.equal(await tables.getAttribute("aria-pressed"), "true");
      const topics = page.getByRole("table", { name: "Topics" });
      const box = await topics.boundingBox();
      assert.ok(box.width > 300 && box.height > 60, "the Topics table is shown, not only read");
      assert.equal(await page.getByRole("region", { name: "Broker 1" }).count(), 0);
      for (const header of ["Topic", "Partition", "Leader", "Replicas", "ISR", "LEO", "HW"])
        await topics.getByRole("columnheader", { name: header, exact: true }).waitFor();
      await screenshot("app-tables");
      await page.reload();
      assert.equal(
        await page.getByRole("button", { name: "Tables" }).getAttribute("aria-pressed"),
        "true",
      );
      // V switches back to the picture.
      await page.locator("body").press("v");
      await page.getByRole("region", { name: "Broker 1" }).waitFor();
    },
  },
  {
    name: "? opens the keyboard shortcuts in a modal dialog; Escape closes it and the focus returns",
    run: async ({ page, baseUrl, screenshot }) => {
      await page.goto(baseUrl);
      await page.getByRole("button", { name: "Play" }).waitFor();
      await page.keyboard.press("?");
      const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
      await dialog.waitFor();
      assert.ok(await dialog.evaluate((d) => d.matches(":modal")), "it is a modal dialog");
      await dialog.getByText("Play or pause").waitFor();
      // The focus stays inside: Tab goes round the dialog's own controls.
      for (let i = 0; i < 4; i++) {
        await page.keyboard.press("Tab");
        assert.ok(
          await page.evaluate(() => document.activeElement?.closest("dialog") !== null),
          "the focus stays in the dialog",
        );
      }
      // Shortcuts do not fire behind the dialog.
      await page.keyboard.press("ArrowRight");
      assert.equal(await page.getByLabel("Virtual time").textContent(), "0:00.000");
      await screenshot("app-shortcuts");
      await page.keyboard.press("Escape");
      await dialog.waitFor({ state: "hidden" });
      // From the button: the focus goes back to it.
      await page.getByRole("button", { name: "Keyboard shortcuts" }).click();
      await dialog.waitFor();
      await page.keyboard.press("Escape");
      await dialog.waitFor({ state: "hidden" });
      assert.equal(
        await page.evaluate(() => document.activeElement?.getAttribute("aria-label")),
        "Keyboard shortcuts",
      );
    },
  },
  {
    name: "keyboard only: Tab reaches Play with a visible focus ring; Space and Enter press it",
    run: async ({ page, baseUrl }) => {
      await page.goto(baseUrl);
      await page.getByRole("button", { name: "Play" }).waitFor();
      let name = null;
      for (let i = 0; i < 40 && name !== "Play"; i++) {
        await page.keyboard.press("Tab");
        name = await page.evaluate(() => document.activeElement?.getAttribute("aria-label"));
      }
      assert.equal(name, "Play", "Tab reaches Play");
      const ring = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement);
        return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
      });
      assert.ok(ring.style !== "none" && ring.width >= 2, "the focused control shows a ring");
      await page.keyboard.press("Space");
      await page.getByRole("button", { name: "Pause" }).waitFor();
      await page.keyboard.press("Enter");
      await page.getByRole("button", { name: "Play" }).waitFor();
      // The shortcuts work from anywhere but a field being typed in.
      await page.locator("body").click({ position: { x: 5, y: 5 } });
      await page.keyboard.press("Space");
      await page.getByRole("button", { name: "Pause" }).waitFor();
      await page.keyboard.press("Space");
      await page.getByRole("button", { name: "Play" }).waitFor();
      const time = await page.getByLabel("Virtual time").textContent();
      await page.keyboard.press("ArrowRight");
      await page.waitForFunction(
        (t) => document.querySelector("[aria-label='Virtual time']")?.textContent !== t,
        time,
      );
    },
  },
];
