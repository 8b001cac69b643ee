import { expect, test, type Page } from '@playwright/test';
import { GROUP, joinGroup, writePost } from './group-helpers';
import { checkPage, signUp, uniqueHandle } from './helpers';

const PHONE = { width: 360, height: 740 };

test.use({ viewport: PHONE });

/** The group's newest posts, loaded. */
async function openFeed(page: Page): Promise<void> {
  await page.goto(`/groups/${GROUP}`);
  await expect(page.getByText('Loading posts')).toHaveCount(0);
}

test("a member blocks another from their profile, each one's post leaves the other's feed, and both come back after unblocking in Settings", async ({ page, browser, baseURL }) => {
  const ana = uniqueHandle('QuietHeron');
  const n = Math.floor(Math.random() * 1e6);
  const mine = `Made-up morning walk ${n}`;
  const theirs = `Made-up rainy evening ${n}`;

  await signUp(page, ana);
  await joinGroup(page);
  await writePost(page, mine, 'Some made-up words about a walk.');
  const minePath = new URL(page.url()).pathname;

  // The other member, in a browser of their own, writes a post and answers the first one.
  const context = await browser.newContext({ baseURL: baseURL!, viewport: PHONE });
  const other = await context.newPage();
  const bo = uniqueHandle('GentleOtter');
  await signUp(other, bo);
  await joinGroup(other);
  await writePost(other, theirs, 'Some made-up words about a rainy evening.');
  await other.goto(minePath);
  await other.getByLabel('Write a reply', { exact: true }).fill('A made-up reply about the walk.');
  await other.locator('.reply-box').getByRole('button', { name: 'Post reply' }).click();
  await expect(other.locator('.reply').filter({ hasText: 'A made-up reply about the walk.' })).toBeVisible();
  // The other member stays signed in: after the block they are kept apart too.
  await openFeed(other);
  await expect(other.getByRole('link', { name: mine })).toBeVisible();

  await openFeed(page);
  await expect(page.getByRole('link', { name: theirs })).toBeVisible();

  // Block, from the profile, by keyboard; the dialog says what blocking does.
  await page.goto(`/members/${bo}`);
  await expect(page.getByRole('heading', { level: 1, name: bo })).toBeVisible();
  await checkPage(page, 'a profile');
  await page.getByRole('button', { name: 'Block', exact: true }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('alertdialog', { name: `Block ${bo}?` });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('You won’t see each other’s posts, replies or messages, and you can’t mention each other. They aren’t told.');
  await checkPage(page, 'the block dialog');
  await dialog.getByRole('button', { name: 'Block', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: `You blocked ${bo}.` })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Unblock', exact: true })).toBeFocused();
  await checkPage(page, 'a profile of someone blocked');

  // Their post is gone from the group's feed; the reader's own is still there.
  await openFeed(page);
  await expect(page.getByRole('link', { name: mine })).toBeVisible();
  await expect(page.getByRole('link', { name: theirs })).toHaveCount(0);
  // Their reply keeps its place in the thread, without its words.
  await page.goto(minePath);
  await expect(page.locator('.reply').filter({ hasText: 'You blocked this member.' })).toBeVisible();
  await expect(page.getByText('A made-up reply about the walk.')).toHaveCount(0);
  await checkPage(page, 'a thread with a blocked member’s reply');

  // Both ways, and silently: the blocked member no longer sees the blocker's post, and its link
  // reads as a post that is not there (not "blocked").
  await openFeed(other);
  await expect(other.getByRole('link', { name: theirs })).toBeVisible();
  await expect(other.getByRole('link', { name: mine })).toHaveCount(0);
  await other.goto(minePath);
  await expect(other.getByRole('heading', { level: 1, name: "We couldn't find that post" })).toBeVisible();

  // Settings lists the block; Unblock lifts it.
  await page.goto('/settings');
  const section = page.getByRole('region', { name: 'Blocked members' });
  await expect(section.getByRole('link', { name: bo })).toBeVisible();
  await checkPage(page, 'settings with a blocked member');
  await section.getByRole('button', { name: `Unblock ${bo}` }).click();
  await expect(section.getByRole('status')).toHaveText(`You unblocked ${bo}.`);
  await expect(section.getByText('You haven’t blocked anyone.')).toBeVisible();
  await checkPage(page, 'settings after unblocking');

  await openFeed(page);
  await expect(page.getByRole('link', { name: theirs })).toBeVisible();
  await openFeed(other);
  await expect(other.getByRole('link', { name: mine })).toBeVisible();
  await context.close();
});

test('a member blocks another straight from their reply, and the reply gives way to a placeholder', async ({ page, browser, baseURL }) => {
  const ana = uniqueHandle('CalmFinch');
  const n = Math.floor(Math.random() * 1e6);
  await signUp(page, ana);
  await joinGroup(page);
  await writePost(page, `Made-up quiet afternoon ${n}`, 'Some made-up words about an afternoon.');
  const path = new URL(page.url()).pathname;

  const context = await browser.newContext({ baseURL: baseURL!, viewport: PHONE });
  const other = await context.newPage();
  const bo = uniqueHandle('SharpJay');
  await signUp(other, bo);
  await joinGroup(other);
  await other.goto(path);
  await other.getByLabel('Write a reply', { exact: true }).fill(`A made-up unwelcome reply ${n}`);
  await other.locator('.reply-box').getByRole('button', { name: 'Post reply' }).click();
  await expect(other.locator('.reply').filter({ hasText: `A made-up unwelcome reply ${n}` })).toBeVisible();
  await context.close();

  await page.reload();
  const reply = page.locator('.reply').filter({ hasText: `A made-up unwelcome reply ${n}` });
  await reply.getByRole('button', { name: `Block ${bo}` }).click();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toBeVisible();
  await checkPage(page, 'blocking from a reply');
  await dialog.getByRole('button', { name: 'Block', exact: true }).click();
  await expect(page.getByText(`A made-up unwelcome reply ${n}`)).toHaveCount(0);
  await expect(page.getByText('You blocked this member.')).toBeVisible();
  // The post's own author is never offered to block themselves.
  await expect(page.getByRole('button', { name: `Block ${ana}` })).toHaveCount(0);
});
