import fs from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';

/** Zero WCAG 2.1 A/AA violations on the page as it is now, listed by rule when there are some. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, `axe violations on ${what}`).toEqual([]);
}

/** Nothing wider than the viewport: usable on a 360-pixel phone without sideways scrolling. */
export async function expectNoSideways(page: Page, what: string): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  const viewport = page.viewportSize()!.width;
  expect(width, `page width on ${what}`).toBeLessThanOrEqual(viewport);
}

/** A handle no other test run has used: the servers keep their data for the whole run. */
export function uniqueHandle(prefix: string): string {
  return `${prefix}${Math.floor(Math.random() * 1e6)}`;
}

export function adminCredentials(testInfo: TestInfo): { handle: string; passphrase: string } {
  return JSON.parse(fs.readFileSync(`.e2e-data/${testInfo.project.name}-admin.json`, 'utf8'));
}

/** Every request the browser made went to Kindred itself: no CDNs, fonts or trackers. */
export function watchThirdParty(page: Page, baseURL: string): string[] {
  const foreign: string[] = [];
  const origin = new URL(baseURL).origin;
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
  });
  return foreign;
}
