// The picture on a projector: at 1280x720 the classroom scenario's six brokers, the producers
// on their left and the groups on their right all fit the first screen, legibly, and records
// still travel between the right boxes. The other sizes are photographed for a person to judge.
import assert from "node:assert/strict";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { assertNoSideways } from "./pageChecks.mjs";

const SHOTS = fileURLToPath(new URL("../../test-results/screenshots/", import.meta.url));
const PROJECTOR = { width: 1280, height: 720 };
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 1024, height: 768 },
  { width: 390, height: 844 },
];

/** What the window shows, as the room sees it. */
async function viewportShot(page, name) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

async function open(page, url) {
  await page.goto(url);
  await page.getByRole("region", { name: "Broker 1", exact: true }).waitFor();
}

async function box(locator, what) {
  const b = await locator.boundingBox();
  assert.ok(b, `${what} is on the page`);
  return b;
}

/** Text in the picture smaller than `min` px, as "text (size)"; names get a larger minimum. */
async function smallText(page) {
  return page.evaluate(() => {
    const NAMES = ".broker-card h3, .replica-name, .client-name";
    const small = [];
    const picture = document.querySelector("[aria-label='Cluster']");
    const walker = document.createTreeWalker(picture, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent.trim();
      const el = n.parentElement;
      if (!text || !el || el.closest("svg")) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      const min = el.closest(NAMES) ? 14 : 12;
      if (size < min) small.push(`${text} (${size} px)`);
    }
    return small;
  });
}

export const tests = [
  {
    name: "projector: at 1280x720 the classroom's six brokers fit the first screen between the producers and the groups",
    run: async ({ page, baseUrl }) => {
      await page.setViewportSize(PROJECTOR);
      await open(page, `${baseUrl}?scenario=classroom`);
      // Some records in the logs, so the tails are as wide as they get in a lesson.
      await page.getByRole("slider", { name: "Speed" }).fill("1"); // 10x
      await page.getByRole("button", { name: "Play" }).click();
      await page.waitForFunction(
        () => document.querySelector("[aria-label='Virtual time']")?.textContent >= "0:20",
      );
      await page.getByRole("button", { name: "Pause" }).click();
      await page.evaluate(() => window.scrollTo(0, 0));

      const producers = await box(
        page.getByRole("list", { name: "Producers in the picture" }),
        "the producers",
      );
      const groups = await box(
        page.getByRole("list", { name: "Consumer groups in the picture" }),
        "the groups",
      );
      assert.ok(producers.y + producers.height <= PROJECTOR.height, "the producers are on screen");
      assert.ok(groups.y + groups.height <= PROJECTOR.height, "the groups are on screen");
      for (let id = 1; id <= 6; id++) {
        const card = page.getByRole("region", { name: `Broker ${id}`, exact: true });
        const b = await box(card, `Broker ${id}`);
        assert.ok(
          b.y >= 0 && b.y + b.height <= PROJECTOR.height,
          `Broker ${id} spans ${Math.round(b.y)}..${Math.round(b.y + b.height)} px, not within the first 720`,
        );
        assert.ok(
          b.x >= producers.x + producers.width && b.x + b.width <= groups.x,
          `Broker ${id} (${Math.round(b.x)}..${Math.round(b.x + b.width)} px) is not between the producers (right edge ${Math.round(producers.x + producers.width)}) and the groups (left edge ${Math.round(groups.x)})`,
        );
        // Every replica's role is written, and its log tail shows its HW and LEO.
        const rows = card.getByRole("listitem");
        assert.equal(await rows.count(), 6, `Broker ${id} hosts six replicas`);
        for (let i = 0; i < 6; i++) {
          const row = rows.nth(i);
          const label = await row.getAttribute("aria-label");
          const role = label.split(": ")[1].split(";")[0];
          assert.equal((await row.locator(".replica-role").textContent()).trim(), role);
          for (const mark of [".hw-mark", ".leo-slot"]) {
            const m = await box(row.locator(mark), `${label} ${mark}`);
            const r = await box(row, label);
            assert.ok(
              m.x >= r.x && m.x + m.width <= r.x + r.width + 0.5,
              `${label}: ${mark} shown`,
            );
          }
        }
      }
      assert.deepEqual(
        await smallText(page),
        [],
        "text in the picture under 12 px (14 px for names)",
      );
      await assertNoSideways(page, "classroom at 1280x720");
      await viewportShot(page, "projector-classroom-1280x720-running");
    },
  },
  {
    name: "projector: records land on the leader's log of their topic and leave for the consumers",
    run: async ({ page, baseUrl }) => {
      // With reduced motion every message is drawn as its whole route: its two ends can be checked.
      await page.emulateMedia({ reducedMotion: "reduce" });
      await page.setViewportSize(PROJECTOR);
      await open(page, `${baseUrl}?scenario=classroom`);
      // Past the groups' first rebalance at 10x, then slowly, so routes stay long enough to read.
      await page.getByRole("slider", { name: "Speed" }).fill("1");
      await page.getByRole("button", { name: "Play" }).click();
      await page.waitForFunction(
        () => document.querySelector("[aria-label='Virtual time']")?.textContent >= "0:10",
      );
      await page.getByRole("slider", { name: "Speed" }).fill("-1.3"); // 1/20x
      const ends = await page.evaluate(
        () =>
          new Promise((resolve, reject) => {
            const seen = { produce: [], consume: [] };
            const checked = new WeakSet();
            const give = setTimeout(
              () => reject(new Error(`routes seen in 20 s: ${JSON.stringify(seen)}`)),
              20000,
            );
            const svg = document.querySelector(".motion-layer");
            /** What lies under a point of the overlay, `dx` pixels to its side. */
            const under = (x, y, dx) => {
              const b = svg.getBoundingClientRect();
              return document.elementsFromPoint(b.left + x + dx, b.top + y);
            };
            const rowOf = (els) =>
              els.find((e) => e.matches(".replica-row"))?.getAttribute("aria-label") ?? null;
            const look = () => {
              for (const p of document.querySelectorAll("path[data-route]")) {
                const kind = p.dataset.route;
                if (!(kind in seen) || seen[kind].length >= 5 || checked.has(p)) continue;
                checked.add(p);
                const n = p
                  .getAttribute("d")
                  .match(/-?\d+(\.\d+)?/g)
                  .map(Number);
                const [x0, y0, x1, y1] = [n[0], n[1], n[n.length - 2], n[n.length - 1]];
                if (kind === "produce") {
                  const to = under(x1, y1, 0);
                  seen.produce.push({
                    from: under(x0, y0, -2).find((e) => e.matches(".producer-node"))?.textContent,
                    row: rowOf(to),
                    slot: to.some((e) => e.matches(".leo-slot")),
                  });
                } else {
                  seen.consume.push({
                    row: rowOf(under(x0, y0, 0)),
                    to: under(x1, y1, 2).find((e) => e.matches(".consumer-node"))?.textContent,
                  });
                }
              }
              if (seen.produce.length > 0 && seen.consume.length > 0) {
                clearTimeout(give);
                document.querySelector("button[aria-label='Pause']")?.click();
                resolve(seen);
                return;
              }
              requestAnimationFrame(look);
            };
            requestAnimationFrame(look);
          }),
      );
      await viewportShot(page, "projector-classroom-1280x720-routes");
      for (const e of ends.produce) {
        const what = JSON.stringify(e);
        assert.ok(e.from, `a produce route starts at a producer: ${what}`);
        const topic = e.from.includes("→ orders") ? "orders" : "payments";
        assert.match(e.row ?? "", new RegExp(`^${topic}-\\d+: leader;`), what);
        assert.ok(e.slot, `a produce route ends on the leader's next offset: ${what}`);
      }
      for (const e of ends.consume) {
        const what = JSON.stringify(e);
        assert.match(e.row ?? "", /^(orders|payments)-\d+: leader;/, what);
        assert.ok(e.to, `a consume route ends at a consumer: ${what}`);
      }
    },
  },
  {
    name: "projector: records in flight mid-way between the boxes, in presenter mode too",
    run: async ({ page, baseUrl }) => {
      await page.setViewportSize(PROJECTOR);
      await open(page, `${baseUrl}?scenario=classroom`);
      await page.getByRole("slider", { name: "Speed" }).fill("-1"); // 1/10x
      await page.getByRole("button", { name: "Play" }).click();
      await page.locator("[data-transfer]").first().waitFor();
      await page.waitForTimeout(400);
      await page.getByRole("button", { name: "Pause" }).click();
      await viewportShot(page, "projector-classroom-1280x720-in-flight");

      await open(page, `${baseUrl}?scenario=classroom&present`);
      await assertNoSideways(page, "presenter mode at 1280x720");
      const size = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
      assert.equal(size, "20px", "presenter mode's type");
      assert.deepEqual(
        await smallText(page),
        [],
        "presenter mode: text under 12 px (14 for names)",
      );
      await viewportShot(page, "projector-classroom-1280x720-present");
    },
  },
  {
    name: "projector: screenshots of the classroom and the default scenario at four sizes",
    run: async ({ page, baseUrl }) => {
      for (const size of SIZES) {
        await page.setViewportSize(size);
        for (const [label, query] of [
          ["classroom", "?scenario=classroom"],
          ["default", ""],
        ]) {
          await open(page, `${baseUrl}${query}`);
          await assertNoSideways(page, `${label} at ${size.width}x${size.height}`);
          await viewportShot(page, `projector-${label}-${size.width}x${size.height}`);
        }
      }
    },
  },
];
