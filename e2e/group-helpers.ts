import { expect, type Page } from '@playwright/test';
import { readGroupRules } from './helpers';

/** The group most specs write in: one of the groups every new Kindred starts with. */
export const GROUP = 'depression-support';

/** Joins `slug` from its page and reads its rules, as a member does before a first post. */
export async function joinGroup(page: Page, slug = GROUP): Promise<void> {
  await page.goto(`/groups/${slug}`);
  await page.getByRole('button', { name: 'Join group' }).click();
  await expect(page.getByRole('button', { name: 'Leave group' })).toBeVisible();
  await readGroupRules(page, slug);
}

/** Writes and publishes a post in `slug`; resolves on the new post's page with its path. */
export async function writePost(page: Page, title: string, body: string, slug = GROUP): Promise<string> {
  await page.goto(`/groups/${slug}`);
  await page.getByRole('link', { name: 'Write a post' }).click();
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Your post', { exact: true }).fill(body);
  await page.getByRole('button', { name: 'Publish post' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  return new URL(page.url()).pathname;
}
