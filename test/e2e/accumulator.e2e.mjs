import assert from "node:assert/strict";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { assertNoSideways, axeViolations, playPast, seek } from "./pageChecks.mjs";

const screenshotDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "../../test-results/screenshots",
);

/** axe's WCAG A/AA violations inside the accumulator, one line each. */
const accumulatorViolations = (page) =>
  axeViolations(page, { within: "[aria-label='Accumulator of checkout']" });

const virtualMs = async (page) => {
  const text = await page.getByLabel("Virtual time").textContent();
  const [m, s] = text.split(":");
  return (Number(m) * 60 + Number(s)) * 1000;
};

/** The room's view: the panel scrolled into the viewport, at a projector's or a phone's size. */
async function viewShot(page, region, name, width, height) {
  await page.setViewportSize({ width, height });
  await region.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(screenshotDir, `${name}-${width}x${height}.png`) });
}

export const tests = [
  {
    name: "accumulator: a producer's batches wait for a leader, retry NotEnoughReplicas, and fill the in-flight requests",
    run: async ({ page, baseUrl }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(`${baseUrl}?scenario=acks-all-min-isr`);
      const panel = page.getByRole("region", { name: "Producer checkout" });
      const queue = panel.getByRole("region", { name: "Accumulator of checkout" });
      await queue.waitFor();
      await queue.getByText(/^(Nothing waiting\.|1 record waiting in 1 batch:)$/).waitFor();
      await queue.getByText("No requests in flight.").waitFor();
      // The explanation, with this producer's own settings (Kafka's defaults here).
      await queue.getByText("How a producer sends").click();
      const how = (await queue.locator(".pq-how p").textContent()).replace(/\s+/g, " ");
      assert.match(how, /batch\.size \(16,384 bytes\) or has waited linger\.ms \(5 ms\)/);
      assert.match(how, /at most 5 requests \(max\.in\.flight\.requests\.per\.connection\)/);
      await viewShot(page, queue, "accumulator-how", 1280, 720);
      await queue.getByText("How a producer sends").click();

      await playPast(page, 37_200);
      assert.ok((await virtualMs(page)) >= 37_200);

      // Broker 3 crashed at 30 s and is not fenced yet: the producer cannot reach the leader.
      await seek(page, 31_000);
      const waiting = queue.getByRole("list", { name: "Batches waiting in checkout" });
      await queue.getByText("11 records waiting in 1 batch:").waitFor();
      assert.equal(
        (await waiting.getByRole("listitem").first().textContent()).replace(/\s+/g, " "),
        "orders-0 no leader (broker 3 unreachable) · 11 records",
      );

      // Broker 1 leads alone, below min.insync.replicas: NotEnoughReplicas, retried with backoff.
      await seek(page, 37_000);
      await queue.getByText("71 records waiting in 5 batches:").waitFor();
      assert.equal(
        (await waiting.getByRole("listitem").first().textContent()).replace(/\s+/g, " "),
        "orders-0 retrying in 104 ms (attempt 6) · 71 records in 5 batches",
      );
      await queue.getByText("No requests in flight.").waitFor();
      await assertNoSideways(page, "the accumulator at 1280x720");
      await viewShot(page, queue, "accumulator-retrying", 1280, 720);
      await page.setViewportSize({ width: 390, height: 844 });
      await assertNoSideways(page, "the accumulator at 390x844");
      await viewShot(page, queue, "accumulator-retrying", 390, 844);

      // The retry goes (at 37.104 s): five batches, one request each, fill max.in.flight to broker 1.
      await page.setViewportSize({ width: 1280, height: 720 });
      await seek(page, 37_105);
      await queue.getByText("Nothing waiting.").waitFor();
      const inFlight = queue.getByRole("list", {
        name: "Requests in flight from checkout",
      });
      assert.equal(
        (await inFlight.getByRole("listitem").first().textContent()).replace(/\s+/g, " "),
        "to broker 1: 5 of 5 requests (full) · 72 records · oldest sent 1 ms ago",
      );
      await viewShot(page, queue, "accumulator-in-flight", 1280, 720);
    },
  },
  {
    name: "accumulator: presenter mode at a projector's and a phone's width does not overflow",
    run: async ({ page, baseUrl }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(`${baseUrl}?scenario=acks-all-min-isr&present`);
      const queue = page.getByRole("region", { name: "Accumulator of checkout" });
      await queue.waitFor();
      await playPast(page, 37_200);
      await seek(page, 37_000);
      await queue.getByText(/retrying in 104 ms \(attempt 6\)/).waitFor();
      const size = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
      assert.equal(size, "20px", "presenter mode's type");
      await assertNoSideways(page, "presenter mode at 1280x720");
      await viewShot(page, queue, "accumulator-present", 1280, 720);
      await page.setViewportSize({ width: 390, height: 844 });
      await assertNoSideways(page, "presenter mode at 390x844");
      const box = await queue.boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= 390, `${box.x + box.width}px wide in 390px`);
      await viewShot(page, queue, "accumulator-present", 390, 844);
    },
  },
  ...["light", "dark"].map((scheme) => ({
    name: `accumulator (${scheme}): retries and full requests pass axe, contrast included`,
    run: async ({ page, baseUrl }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(`${baseUrl}?scenario=acks-all-min-isr`);
      const queue = page.getByRole("region", { name: "Accumulator of checkout" });
      await queue.waitFor();
      await playPast(page, 37_200);
      for (const [at, shown] of [
        [37_000, /retrying in 104 ms/],
        [37_105, /5 of 5 requests \(full\)/],
      ]) {
        await seek(page, at);
        await queue.getByText(shown).waitFor();
        assert.deepEqual(await accumulatorViolations(page), [], `at ${at} ms`);
      }
    },
  })),
];
