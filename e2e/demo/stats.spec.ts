// Statistics: real numbers from the mock as cards, three SVG charts, the
// insights and recommendations of analyzeStats(), a date range, and the
// token usage table.
import { test, expect, openDemo, showView, createSecrets, control } from './helpers.ts';

test.use({ viewport: { width: 1200, height: 900 } });

test('statistics show the company’s numbers, charts, insights, advice and token usage', async ({ page, env }, testInfo) => {
  await control(env, 'POST', '/_mock/reset'); // this worker's own mock: exact numbers
  await openDemo(page, env);
  const made = await createSecrets(page, [
    { content: 'one', description: 'Stats a', password: 'pw-1234' },
    { content: 'two', description: 'Stats b' },
    { content: 'three', description: 'Stats c' },
    { content: 'four', description: 'Stats d' },
  ]);
  await page.evaluate((slug) => window.Sharokey.delete(slug), made[3]!.slug);

  await showView(page, 'Statistics');
  const panel = page.getByRole('tabpanel', { name: 'Statistics' });
  await expect(page.locator('#st-summary')).toHaveText('All time.');
  const card = (label: string) => panel.locator('#st-cards .card', { hasText: label }).locator('.card-value');
  await expect(card('secrets in all')).toHaveText('4');
  await expect(card('active')).toHaveText('3');
  await expect(card('expired')).toHaveText('1');
  await expect(card('with a password')).toHaveText('1');

  // Three charts, each an image whose name says its numbers.
  await expect(panel.getByRole('img')).toHaveCount(3);
  await expect(panel.getByRole('img', { name: 'Active and expired. Active: 3, Expired: 1' })).toBeVisible();
  await expect(panel.getByRole('img', { name: 'Secrets created. Last 24 h: 4, 7 days: 4, 30 days: 4' })).toBeVisible();
  await expect(panel.getByRole('img', { name: 'Password protection. With a password: 1, Without: 3' })).toBeVisible();
  await expect(panel.locator('svg.ring').last()).toContainText('25%');
  await expect(panel.locator('svg.bars rect.bar')).toHaveCount(3);
  // The ring's arcs are the shares: 75 and 25 of a circle of 100.
  const dashes = await panel.locator('svg.ring').first().locator('circle.seg:not(.empty)').evaluateAll((cs) => cs.map((c) => parseFloat(c.getAttribute('stroke-dasharray')!)));
  expect(dashes).toEqual([75, 25]);

  // Insights and advice: Sharokey.analyzeStats on the same numbers.
  const insights = panel.getByRole('region', { name: 'Insights' });
  for (const [term, value] of [['Password protection rate', '25 %'], ['Views per secret', '0.00'], ['Expiration rate', '25 %'], ['Active rate', '75 %'], ['Activity', 'Normal'], ['Retention health', 'Worth a review']]) {
    await expect(insights.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]')).toHaveText(value!);
  }
  // The advice is the library's, word for word (the page does not invent its own).
  const expected = await page.evaluate(async () => window.Sharokey.analyzeStats(await window.Sharokey.getStats()).recommendations);
  expect(expected.length).toBeGreaterThan(0); // 25 % with a password and 75 % active both call for advice
  await expect(panel.getByRole('region', { name: 'Recommendations' }).getByRole('listitem')).toHaveText(expected);

  // Token usage: the admin token with a hint, never the whole token.
  const tokens = panel.getByRole('table', { name: /Tokens of your company/ });
  const alice = tokens.getByRole('row').filter({ hasText: 'alice@acme.test' });
  await expect(alice).toContainText('…oken');
  await expect(alice).toContainText('read, write, stats');
  await expect(alice).not.toContainText('acme-admin-token');
  await expect(tokens.getByRole('row').filter({ hasText: 'carol@acme.test' })).toContainText('revoked');
  await expect(panel.locator('#st-token-cards .card', { hasText: 'requests' }).locator('.card-value')).not.toHaveText('0');
  await page.screenshot({ path: testInfo.outputPath('demo-stats.png'), fullPage: true });

  // A date range: today (UTC, as the API counts) has them all; a range in the future has none.
  const today = new Date().toISOString().slice(0, 10);
  await panel.getByLabel('Created from').fill(today);
  await panel.getByLabel('to', { exact: true }).fill(today);
  await panel.getByRole('button', { name: 'Show' }).click();
  await expect(page.locator('#st-summary')).toContainText(`from ${today}`);
  await expect(card('secrets in all')).toHaveText('4');
  await panel.getByLabel('Created from').fill('2099-01-01');
  await panel.getByLabel('to', { exact: true }).fill('2099-12-31');
  await panel.getByRole('button', { name: 'Show' }).click();
  await expect(card('secrets in all')).toHaveText('0');
  await expect(panel.getByRole('region', { name: 'Recommendations' })).toContainText('No secret in this range yet.');
  await expect(insights.locator('dd').first()).toHaveText('n/a');

  // "from" after "to" is explained next to the field.
  await panel.getByLabel('Created from').fill('2099-12-31');
  await panel.getByLabel('to', { exact: true }).fill('2099-01-01');
  await panel.getByRole('button', { name: 'Show' }).click();
  await expect(panel.getByLabel('Created from')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#st-error')).toContainText('Some fields need a correction');

  await panel.getByRole('button', { name: 'All time' }).click();
  await expect(page.locator('#st-summary')).toHaveText('All time.');
  await expect(panel.getByLabel('Created from')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(card('secrets in all')).toHaveText('4');
});
