// Trends' raw / per-10,000 toggle: the scale is in the URL, the chart plots
// counts or rates accordingly, and reload and Back keep what was chosen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openApp } from './helpers.mjs';
import { eventually, urlParams, waitForParams } from './app-helpers.mjs';
import { readTrends, parsePointTitle } from './research-helpers.mjs';

const app = useApp();

/** Per point: its count, its rate, and its height on the chart (cy; smaller is higher). */
function points(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('svg.trend-chart circle.point')].map((c) => ({
      title: c.querySelector('title').textContent,
      cy: Number(c.getAttribute('cy')),
    })),
  );
}

/** Whether the points are ordered by height as `key` orders them. */
function plottedBy(pts, key) {
  for (const a of pts) {
    for (const b of pts) {
      if (a[key] > b[key]) assert.ok(a.cy < b.cy, `${a.title} should be above ${b.title}`);
    }
  }
}

test('trends: the scale toggle switches between rates and raw counts, in the URL', async () => {
  const page = await app.newPage();
  await openApp(page, 'view=trends&q=terrorism&by=statement');
  await page.waitForSelector('svg.trend-chart circle.point');
  const axisTitle = () => page.textContent('svg.trend-chart text.axis-title');
  assert.equal(await axisTitle(), 'occurrences per 10,000 words');
  const read = async () =>
    (await points(page)).map((p) => {
      const { count, rate } = parsePointTitle(p.title);
      return { ...p, count, rate: Number(rate) };
    });
  const rated = await read();
  assert.ok(rated.length >= 3, 'a point per statement');
  plottedBy(rated, 'rate');

  await page.click('ul.trend-scale a.scale-raw');
  await waitForParams(page, { view: 'trends', q: 'terrorism', by: 'statement', scale: 'raw' });
  await eventually(async () => assert.equal(await axisTitle(), 'occurrences (raw count)'));
  const raw = await read();
  plottedBy(raw, 'count');
  // The counts order the points differently from the rates here, or the test shows nothing.
  const order = (pts, k) => pts.map((p, i) => [p[k], i]).sort((a, b) => a[0] - b[0]).map(([, i]) => i).join();
  assert.notEqual(order(raw, 'count'), order(rated, 'rate'), 'counts and rates rank the statements differently');

  await page.reload();
  await page.waitForSelector('svg.trend-chart circle.point');
  assert.equal(await axisTitle(), 'occurrences (raw count)');
  assert.equal(urlParams(page).scale, 'raw');

  await page.goBack();
  await eventually(async () => assert.equal(urlParams(page).scale, undefined));
  await eventually(async () => assert.equal(await axisTitle(), 'occurrences per 10,000 words'));
  const trends = await readTrends(page);
  assert.deepEqual(trends.axis, ['By statement']);
});
