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

/** A word no other run has used, letters only so every database's search tokenizer keeps it whole. */
export function uniqueWord(prefix = 'kin'): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let word = prefix;
  for (let i = 0; i < 10; i++) word += letters[Math.floor(Math.random() * letters.length)];
  return word;
}

/** The checks every page gets: zero axe violations, and no sideways scrolling. */
export async function checkPage(page: Page, what: string): Promise<void> {
  await expectAccessible(page, what);
  await expectNoSideways(page, what);
}

/** A page as it first shows on a phone: Get help now in view without scrolling, axe, and no sideways scrolling. */
export async function checkPhonePage(page: Page, what: string): Promise<void> {
  await expect(page.getByRole('link', { name: 'Get help now' }).first(), `Get help now on ${what}`).toBeInViewport();
  await checkPage(page, what);
}

/** The drafts this browser keeps, by their localStorage keys. */
export function draftKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => Object.keys(window.localStorage).filter((key) => key.startsWith('kindred:draft:')));
}

export const PASSPHRASE = 'lantern orchard pebble';

/** Opens sign-up and waits for the suggested handle, so typing replaces it rather than racing it. */
export async function openSignUp(page: Page): Promise<void> {
  await page.goto('/signup');
  await expect(page.getByLabel('Handle')).not.toHaveValue('');
}

/** Creates an account with a handle and passphrase, confirms the recovery code is kept, and lands logged in. */
export async function signUp(page: Page, handle: string, passphrase = PASSPHRASE): Promise<void> {
  await openSignUp(page);
  await page.getByLabel('Handle').fill(handle);
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByRole('checkbox', { name: 'I accept the community guidelines' }).check();
  await page.getByRole('button', { name: 'Create my account' }).click();
  await page.getByRole('checkbox', { name: 'I have saved my recovery code somewhere safe' }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('button', { name: 'Log out' }).first()).toBeVisible();
}

export async function logIn(page: Page, handle: string, passphrase: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Handle').fill(handle);
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('button', { name: 'Log out' }).first()).toBeVisible();
}

/** Calls the API from inside the page, as the app does: same cookies, with the session's CSRF token. */
export async function callApi<T = unknown>(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; data: T }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = (await (await fetch('/api/v1/session', { credentials: 'same-origin' })).json()) as { csrfToken?: string };
      const headers: Record<string, string> = { Accept: 'application/json' };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      if (method !== 'GET' && session.csrfToken) headers['X-CSRF-Token'] = session.csrfToken;
      const res = await fetch(path, { method, headers, credentials: 'same-origin', body: body === undefined ? null : JSON.stringify(body) });
      const text = await res.text();
      return { status: res.status, data: (text ? JSON.parse(text) : null) as never };
    },
    { method, path, body },
  );
}

/**
 * An admin (signed in on `adminPage`) vouches for `handle`, as an operator would for someone the
 * community knows: new members' links wait for a moderator, and most specs are not about that.
 */
export async function vouchFor(adminPage: Page, handle: string, level = 2): Promise<void> {
  const found = await callApi<{ items: { id: string; handle: string }[] }>(adminPage, 'GET', `/api/v1/admin/members?q=${encodeURIComponent(handle.toLowerCase())}`);
  const member = found.data.items.find((m) => m.handle === handle);
  expect(member, `${handle} is listed for the admin`).toBeTruthy();
  const res = await callApi(adminPage, 'PUT', `/api/v1/admin/members/${member!.id}/trust`, { level });
  expect(res.status, `vouching for ${handle}`).toBe(200);
}

/**
 * Marks a group's rules read for the member signed in on `page`, as "I’ve read the rules" in the
 * composer does before a first post: most specs are not about the rules (group-staff.spec.ts is).
 */
export async function readGroupRules(page: Page, slug: string): Promise<void> {
  const res = await callApi(page, 'POST', `/api/v1/groups/${encodeURIComponent(slug)}/rules/seen`, {});
  expect(res.status, `reading the rules of ${slug}`).toBe(200);
}
