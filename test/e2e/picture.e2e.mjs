// The cluster picture: records travelling in the overlay, the election animation after a kill,
// reduced motion, the compact level of detail of a large cluster, and a phone with touch.
// The overlay is aria-hidden drawing; its marks are found by their data attributes.
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";

/** Where the runner keeps screenshots, for the ones taken of a part of the page or a second page. */
const shot = (name) =>
  fileURLToPath(new URL(`../../test-results/screenshots/${name}.png`, import.meta.url));

const PROJECTOR = { width: 1280, height: 720 };
const PHONE = { width: 390, height: 844 };

/** The broker whose row for orders-0 says "leader". */
async function leaderOfOrders0(page) {
  for (const id of [1, 2, 3]) {
    const label = await page
      .getByRole("region", { name: `Broker ${id}` })
      .getByRole("listitem")
      .filter({ hasText: "orders-0" })
      .first()
      .getAttribute("aria-label");
    if (label?.startsWith("orders-0: leader")) return id;
  }
  throw new Error("no broker leads orders-0");
}

/** Waits, frame by frame, until one travelling record is seen at two different places; pauses there. */
async function catchMovingRecord(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        let seen = null;
        const give = setTimeout(() => reject(new Error("no record moved within 20 s")), 20000);
        const look = () => {
          const dots = [...document.querySelectorAll("[data-transfer]")];
          const same = seen && dots.find((d) => d.dataset.transfer === seen.id);
          if (same && same.getAttribute("cx") !== seen.cx) {
            clearTimeout(give);
            document.querySelector("button[aria-label='Pause']")?.click();
            resolve({ id: seen.id, from: seen.cx, to: same.getAttribute("cx") });
            return;
          }
          const d = dots[0];
          seen = d ? { id: d.dataset.transfer, cx: d.getAttribute("cx") } : null;
          requestAnimationFrame(look);
        };
        requestAnimationFrame(look);
      }),
  );
}

export const tests = [
  {
    name: "picture: records travel from the producer to the leader and on, drawn where virtual time puts them",
    run: async ({ page, baseUrl, screenshot }) => {
      await page.setViewportSize(PROJECTOR);
      await page.goto(baseUrl);
      await page.getByRole("region", { name: "Broker 1" }).waitFor();
      // 1/20x: a 3 ms network hop lasts a few frames.
      await page.getByRole("slider", { name: "Speed" }).fill("-1.3");
      await page.getByRole("button", { name: "Play" }).click();
      const moved = await catchMovingRecord(page);
      assert.notEqual(moved.from, moved.to);
      await page.getByRole("button", { name: "Play" }).waitFor();
      // Paused: the picture holds still.
      const frozen = await page.locator(`[data-transfer="${moved.id}"]`).getAttribute("cx");
      await page.waitForTimeout(300);
      assert.equal(await page.locator(`[data-transfer="${moved.id}"]`).getAttribute("cx"), frozen);
      await screenshot("picture-record-in-flight-1280");
    },
  },
  {
    name: "picture: killing the leader of orders-0 moves the crown to the new leader",
    run: async ({ page, baseUrl, screenshot }) => {
      await page.setViewportSize(PROJECTOR);
      await page.goto(baseUrl);
      await page.getByRole("slider", { name: "Speed" }).fill("1"); // 10x
      await page.getByRole("button", { name: "Play" }).click();
      const before = await leaderOfOrders0(page);
      await page.getByRole("button", { name: `Kill broker ${before}` }).click();
      await page.locator("[data-effect='election']").first().waitFor({ timeout: 15000 });
      await page.getByRole("button", { name: "Pause" }).click();
      const after = await leaderOfOrders0(page);
      assert.notEqual(after, before);
      // Paused just after the election: its marker stays, on the new leader's row.
      await page.locator("[data-effect='election']").first().waitFor();
      await screenshot("picture-election-1280");
    },
  },
  {
    name: "picture: with reduced motion nothing travels; routes and markers are still drawn",
    run: async ({ page, baseUrl, screenshot }) => {
      await page.emulateMedia({ reducedMotion: "reduce" });
      await page.setViewportSize(PROJECTOR);
      await page.goto(baseUrl);
      await page.getByRole("slider", { name: "Speed" }).fill("-1.3");
      await page.getByRole("button", { name: "Play" }).click();
      const sawRoute = await page.evaluate(
        () =>
          new Promise((resolve, reject) => {
            const give = setTimeout(() => reject(new Error("no message was sent in 20 s")), 20000);
            const look = () => {
              if (document.querySelector("[data-transfer]")) {
                clearTimeout(give);
                reject(new Error("a travelling dot was drawn under reduced motion"));
                return;
              }
              if (document.querySelector("[data-route]")) {
                clearTimeout(give);
                document.querySelector("button[aria-label='Pause']")?.click();
                resolve(true);
                return;
              }
              requestAnimationFrame(look);
            };
            requestAnimationFrame(look);
          }),
      );
      assert.equal(sawRoute, true);
      await screenshot("picture-reduced-motion-1280");
    },
  },
  {
    name: "picture: a 50-broker cluster is drawn as compact tiles with aggregated flow",
    run: async ({ page, baseUrl }) => {
      await page.setViewportSize(PROJECTOR);
      await page.goto(`${baseUrl}?scenario=large-cluster`);
      const cluster = page.getByRole("region", { name: "Cluster" });
      await cluster.getByRole("region", { name: "Broker 50" }).waitFor();
      assert.equal(await cluster.getByRole("region", { name: /^Broker \d+$/ }).count(), 50);
      await cluster.getByText(/50 brokers · 1,000 partitions/).waitFor();
      // No per-replica logs at this size.
      assert.equal(await cluster.getByRole("list", { name: /^Replicas on broker/ }).count(), 0);
      await page.getByRole("button", { name: "Play" }).click();
      await page.locator("[data-flow]").first().waitFor({ timeout: 15000 });
      assert.equal(await page.locator("[data-transfer]").count(), 0);
      // A tile opens its actions.
      await page.getByRole("button", { name: "Actions for broker 7" }).click();
      await page.getByRole("button", { name: "Kill broker 7" }).click();
      await page.getByRole("button", { name: "Restart broker 7" }).waitFor();
      await page.getByRole("button", { name: "Pause" }).click();
      // The page below holds a 1,000-row table: the first screen is what a projector shows.
      await page.screenshot({ path: shot("picture-large-cluster-1280") });
    },
  },
  {
    name: "picture: on a phone the picture fits the width, and tapping a broker opens its actions",
    run: async ({ context, baseUrl, page }) => {
      await page.setViewportSize(PHONE);
      await page.goto(`${baseUrl}?scenario=classroom`);
      await page.getByRole("region", { name: "Broker 6" }).waitFor();
      await page.getByRole("slider", { name: "Speed" }).fill("0");
      await page.getByRole("button", { name: "Play" }).click();
      await page.waitForTimeout(1500);
      await page.getByRole("button", { name: "Pause" }).click();
      // The picture itself stays within the phone's width (the tables below are another matter).
      const box = await page.getByRole("region", { name: "Cluster" }).boundingBox();
      assert.ok(box && box.x >= 0 && box.x + box.width <= PHONE.width, JSON.stringify(box));
      const wider = await page
        .getByRole("region", { name: "Cluster" })
        .evaluate(
          (el) =>
            [...el.querySelectorAll("*")].filter((c) => c.getBoundingClientRect().right > 391)
              .length,
        );
      assert.equal(wider, 0, "parts of the picture stick out to the right");
      await page.getByRole("region", { name: "Cluster" }).screenshot({
        path: shot("picture-classroom-390"),
      });
      // What the phone's screen shows of it.
      await page.getByRole("region", { name: "Broker 1" }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: shot("picture-classroom-390-screen") });

      // A touch screen: the actions fold away until the broker is tapped.
      const touch = await context.browser().newContext({
        viewport: PHONE,
        hasTouch: true,
        isMobile: true,
      });
      try {
        const phone = await touch.newPage();
        const errors = [];
        phone.on("pageerror", (e) => errors.push(String(e)));
        await phone.goto(baseUrl);
        const broker = phone.getByRole("region", { name: "Broker 2" });
        await broker.waitFor();
        assert.equal(
          await broker.getByRole("button", { name: "Kill broker 2" }).isVisible(),
          false,
        );
        await broker.getByRole("heading", { name: "Broker 2" }).tap();
        await broker.getByRole("button", { name: "Kill broker 2" }).waitFor();
        await phone.screenshot({ path: shot("picture-touch-menu-390") });
        assert.deepEqual(errors, []);
      } finally {
        await touch.close();
      }
    },
  },
];
