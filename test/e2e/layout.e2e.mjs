import assert from "node:assert/strict";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { assertNoSideways } from "./pageChecks.mjs";

const SHOTS = fileURLToPath(new URL("../../test-results/screenshots/", import.meta.url));
const PHONE = { width: 390, height: 844 };
const TABLET = { width: 820, height: 1180 };

/** What the window shows, as a student holding the phone sees it. */
async function viewportShot(page, name) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

async function leaderOf(page, topic, partition) {
  const table = page.getByRole("table", { name: "Topics" });
  const row = table
    .getByRole("row")
    .filter({ has: page.getByRole("cell", { name: topic, exact: true }) })
    .nth(partition);
  return (await row.getByRole("cell").nth(2).textContent()).trim();
}

/** Width and height of a control, in CSS pixels. */
async function size(locator) {
  const box = await locator.boundingBox();
  assert.ok(box, "the control is on the page");
  return box;
}

export const tests = [
  {
    name: "on a phone: one column, no sideways scrolling, 44-pixel controls, the bar stays on screen",
    run: async ({ page, baseUrl, screenshot }) => {
      await page.setViewportSize(PHONE);
      await page.goto(baseUrl);
      await page.getByRole("region", { name: "Broker 1" }).waitFor();
      await assertNoSideways(page, "on opening");
      await viewportShot(page, "phone-initial");
      for (const name of ["Step back", "Play", "Step forward", "Keyboard shortcuts", "Tables"]) {
        const box = await size(page.getByRole("button", { name, exact: true }));
        assert.ok(box.height >= 44 && box.width >= 44, `${name} is ${box.width}x${box.height}`);
      }
      const kill = await size(page.getByRole("button", { name: "Kill broker 1" }));
      assert.ok(kill.height >= 44, `Kill broker 1 is ${kill.height} px high`);
      // The audit and the feed come under the picture, not beside it.
      const broker = await size(page.getByRole("region", { name: "Broker 1" }));
      const feed = await size(page.getByRole("region", { name: "Events" }));
      assert.ok(feed.y > broker.y + broker.height, "the feed is under the picture");

      await page.getByRole("slider", { name: "Speed" }).fill("1"); // 10x
      await page.getByRole("button", { name: "Play" }).click();
      await page.waitForFunction(
        () => document.querySelector("[aria-label='Virtual time']")?.textContent >= "0:03",
      );
      await page.getByRole("button", { name: "Pause" }).click();
      await assertNoSideways(page, "after playing");
      // Scrolled to the bottom, the playback bar is still in the window.
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      const play = await size(page.getByRole("button", { name: "Play" }));
      assert.ok(play.y >= 0 && play.y + play.height <= PHONE.height, "Play stays on screen");
      await viewportShot(page, "phone-scrolled");
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot("phone-full");
    },
  },
  {
    name: "on a phone: kill the leader of orders-0, see the new leader and the event, step back, and the tables",
    run: async ({ page, baseUrl, screenshot }) => {
      await page.setViewportSize(PHONE);
      await page.goto(baseUrl);
      await page.getByRole("slider", { name: "Speed" }).fill("1"); // 10x
      await page.getByRole("button", { name: "Play" }).click();
      await page.waitForFunction(
        () => document.querySelector("[aria-label='Virtual time']")?.textContent !== "0:00.000",
      );
      const before = await leaderOf(page, "orders", 0);
      await page.getByRole("button", { name: `Kill broker ${before}` }).click();
      const feed = page.getByRole("region", { name: "Events" });
      await feed.getByText(`Broker ${before} crashed`).waitFor();
      await feed.getByText("became leader of orders-0").first().waitFor({ timeout: 15000 });
      await page.getByRole("button", { name: "Pause" }).click();
      const after = await leaderOf(page, "orders", 0);
      assert.notEqual(after, before);
      await feed
        .getByRole("button", { name: /became leader of orders-0/ })
        .first()
        .click();
      await page.getByRole("button", { name: "Step back" }).click();
      assert.equal(await leaderOf(page, "orders", 0), before);
      await assertNoSideways(page, "after the kill");
      await viewportShot(page, "phone-after-kill");

      await page.getByRole("button", { name: "Tables" }).click();
      const topics = await size(page.getByRole("table", { name: "Topics" }));
      assert.ok(topics.height > 60, "the Topics table is shown");
      // A table wider than the phone scrolls in its own box, not the page.
      await assertNoSideways(page, "in the tables view");
      await page.getByRole("table", { name: "Topics" }).scrollIntoViewIfNeeded();
      await viewportShot(page, "phone-tables");
      await screenshot("phone-tables-full");
    },
  },
  {
    name: "on a tablet and a 720-pixel projector: no sideways scrolling, picture first",
    run: async ({ page, baseUrl, screenshot }) => {
      for (const viewport of [TABLET, { width: 1024, height: 768 }, { width: 1280, height: 720 }]) {
        await page.setViewportSize(viewport);
        await page.goto(`${baseUrl}?scenario=classroom`);
        await page.getByRole("region", { name: "Broker 6" }).waitFor();
        await assertNoSideways(page, `at ${viewport.width}x${viewport.height}`);
        const play = await size(page.getByRole("button", { name: "Play" }));
        const broker = await size(page.getByRole("region", { name: "Broker 1" }));
        assert.ok(play.y < broker.y, "the controls come before the picture");
        const high = viewport.width >= 1280 ? 0.5 : 0.6;
        assert.ok(
          broker.y < viewport.height * high,
          `the picture starts high (at ${broker.y} px of ${viewport.height})`,
        );
        await viewportShot(page, `classroom-${viewport.width}x${viewport.height}`);
      }
      await page.getByRole("slider", { name: "Speed" }).fill("1"); // 10x
      await page.getByRole("button", { name: "Play" }).click();
      await page.waitForFunction(
        () => document.querySelector("[aria-label='Virtual time']")?.textContent >= "0:08",
      );
      await page.getByRole("button", { name: "Pause" }).click();
      await viewportShot(page, "classroom-1280x720-playing");
      await page.getByRole("button", { name: "Tables" }).click();
      await assertNoSideways(page, "the classroom's tables at 1280x720");
      await viewportShot(page, "classroom-1280x720-tables");
      await screenshot("classroom-tables-full");
    },
  },
  {
    name: "on a phone: no page of the app scrolls sideways",
    run: async ({ page, baseUrl }) => {
      await page.setViewportSize(PHONE);
      // Every page, and the simulator in both views, with the default and the classroom cluster.
      const visits = [
        { name: "simulator", query: "" },
        { name: "simulator-tables", query: "", tables: true },
        { name: "classroom", query: "?scenario=classroom" },
        { name: "classroom-tables", query: "?scenario=classroom", tables: true },
        { name: "before-kafka", query: "?page=before-kafka" },
        { name: "compare", query: "?page=compare" },
        { name: "lessons", query: "?page=lessons" },
      ];
      const wide = [];
      for (const visit of visits) {
        await page.goto(`${baseUrl}${visit.query}`);
        await page.getByRole("heading", { level: 1 }).first().waitFor();
        await page.waitForLoadState("networkidle");
        if (visit.tables) {
          await page.getByRole("button", { name: "Tables", exact: true }).click();
          await page.getByRole("table", { name: "Topics" }).waitFor();
        }
        const { scrollWidth, innerWidth } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
        }));
        await viewportShot(page, `phone-page-${visit.name}`);
        if (scrollWidth > innerWidth) wide.push(`${visit.name} is ${scrollWidth} px wide`);
      }
      assert.deepEqual(wide, [], `pages that scroll sideways in a ${PHONE.width} px window`);
    },
  },
  {
    name: "beside the picture, the tables are hidden from the eye but not from a screen reader, and every broker card is reachable",
    run: async ({ page, baseUrl }) => {
      await page.goto(`${baseUrl}?scenario=classroom`);
      await page.getByRole("region", { name: "Broker 1" }).waitFor();
      const box = await page.getByRole("table", { name: "Topics" }).boundingBox();
      assert.ok(!box || box.width <= 1 || box.height <= 1, "the tables are not drawn");
      // The browser's own accessibility tree, as a screen reader gets it.
      const cdp = await page.context().newCDPSession(page);
      const { nodes } = await cdp.send("Accessibility.getFullAXTree");
      const shown = nodes.filter((n) => !n.ignored);
      const tables = shown.filter((n) => n.role?.value === "table").map((n) => n.name?.value);
      for (const name of ["Topics", "Consumer groups", "Brokers"])
        assert.ok(tables.includes(name), `the ${name} table is in the accessibility tree`);
      const cells = shown.filter((n) => n.role?.value === "cell").map((n) => n.name?.value);
      assert.ok(cells.includes("payments"), "the Topics table's cells are read");
      // Every broker card's actions too, including the cards scrolled out of view.
      const buttons = shown.filter((n) => n.role?.value === "button").map((n) => n.name?.value);
      for (let id = 1; id <= 6; id++)
        assert.ok(buttons.includes(`Kill broker ${id}`), `"Kill broker ${id}" is in the tree`);
    },
  },
];
