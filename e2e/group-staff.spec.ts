import { expect, test, type Browser, type Page } from '@playwright/test';
import { adminCredentials, checkPhonePage, logIn, signUp, uniqueHandle } from './helpers';

const GROUP = 'new-parents';
const GROUP_NAME = 'New parents';
const OTHER = 'hope-and-recovery';
const PHONE = { width: 360, height: 740 };

// Every page here is checked at 360 pixels wide: members, moderators and admins use phones too.
test.use({ viewport: PHONE });

/** The phone checks on the page as it shows from its top (after a flow that scrolled it). */
async function phoneCheck(page: Page, what: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await checkPhonePage(page, what);
}

/** A new member in a browser of their own. */
async function member(browser: Browser, baseURL: string, prefix: string) {
  const context = await browser.newContext({ baseURL, viewport: PHONE });
  const page = await context.newPage();
  const handle = uniqueHandle(prefix);
  await signUp(page, handle);
  return { context, page, handle };
}

test("an admin makes a member the group's moderator, the group page shows who hosts it, and a new member reads the rules before their first post", async ({ page, browser, baseURL }, testInfo) => {
  test.setTimeout(120_000);

  // A member joins the group; another has not joined yet.
  const mod = await member(browser, baseURL!, 'SteadyOak');
  const fern = await member(browser, baseURL!, 'NewFern');
  await mod.page.goto(`/groups/${GROUP}`);
  await mod.page.getByRole('button', { name: 'Join group' }).click();
  await expect(mod.page.getByRole('button', { name: 'Leave group' })).toBeVisible();

  // An admin makes them the group's moderator from the admin groups page.
  const admin = adminCredentials(testInfo);
  await logIn(page, admin.handle, admin.passphrase);
  await page.goto('/admin/groups');
  const card = page.getByRole('article').filter({ has: page.getByRole('heading', { level: 3, name: GROUP_NAME, exact: true }) });
  await card.locator('summary').click();
  await expect(card.getByText('No hosts or moderators yet.')).toBeVisible();
  // Someone who has not joined is refused, next to the handle.
  await card.getByLabel('Member’s handle').fill(fern.handle);
  await card.getByRole('button', { name: 'Add to staff' }).click();
  await expect(card.getByText(`${fern.handle} has not joined this group.`)).toBeVisible();
  await card.getByLabel('Member’s handle').fill(mod.handle);
  await card.getByLabel('Role').selectOption({ label: 'Moderator' });
  await card.getByRole('button', { name: 'Add to staff' }).click();
  await expect(card.getByText(`${mod.handle} is now a moderator of ${GROUP_NAME}.`)).toBeVisible();
  await expect(card.getByRole('list', { name: `Staff of ${GROUP_NAME}` })).toContainText(mod.handle);
  await phoneCheck(page, "the admin groups page, with a group's staff");

  // The group page says who hosts it.
  await mod.page.goto(`/groups/${GROUP}`);
  await expect(mod.page.getByText(`Hosted by ${mod.handle} (moderator).`)).toBeVisible();
  await checkPhonePage(mod.page, 'the group page with its hosts');
  // The new moderator has the review queue (their group's items), and not the site moderators' pages.
  await mod.page.getByRole('link', { name: 'Review queue' }).click();
  await expect(mod.page.getByRole('heading', { level: 1, name: 'Review queue' })).toBeVisible();
  await expect(mod.page.getByRole('link', { name: 'Audit log' })).toHaveCount(0);
  await expect(mod.page.locator('.loading')).toHaveCount(0);
  await checkPhonePage(mod.page, "a group moderator's review queue");

  // A new member's first post in the group waits for its rules; what they wrote is kept.
  const title = `A made-up first week ${Math.floor(Math.random() * 1e6)}`;
  await fern.page.goto(`/groups/${GROUP}`);
  await expect(fern.page.getByText(`Hosted by ${mod.handle} (moderator).`)).toBeVisible();
  await fern.page.getByRole('button', { name: 'Join group' }).click();
  await expect(fern.page.getByRole('button', { name: 'Leave group' })).toBeVisible();
  await fern.page.getByRole('link', { name: 'Write a post' }).click();
  const rules = fern.page.getByRole('region', { name: `Before your first post: the rules of ${GROUP_NAME}` });
  await expect(rules).toBeVisible();
  await expect(rules.getByRole('listitem').first()).toContainText('Be kind.');
  await phoneCheck(fern.page, 'the composer with the group’s rules');
  await fern.page.getByLabel('Title', { exact: true }).fill(title);
  await fern.page.getByLabel('Your post', { exact: true }).fill('Made-up words about sleepless nights and small mercies.');
  await fern.page.getByRole('button', { name: 'Publish post' }).click();
  await expect(fern.page.getByText("Please read this group's rules before your first post. Your draft is kept.")).toBeVisible();
  await expect(fern.page.getByLabel('Title', { exact: true })).toHaveValue(title);
  await phoneCheck(fern.page, 'the composer after a first post was refused');
  await rules.getByRole('button', { name: 'I’ve read the rules' }).click();
  await expect(fern.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await checkPhonePage(fern.page, 'the first post, published');
  // Asked once: the next post goes straight through.
  await fern.page.goto(`/groups/${GROUP}/new`);
  await expect(fern.page.getByLabel('Title', { exact: true })).toBeVisible();
  await expect(fern.page.getByRole('button', { name: 'I’ve read the rules' })).toHaveCount(0);

  // Writing before joining another group: join in place, read its rules, and the post is sent as it was.
  const second = `Made-up words before joining ${Math.floor(Math.random() * 1e6)}`;
  await fern.page.goto(`/groups/${OTHER}/new`);
  await fern.page.getByLabel('Title', { exact: true }).fill(second);
  await fern.page.getByLabel('Your post', { exact: true }).fill('Made-up words from someone new here.');
  await fern.page.getByRole('button', { name: 'Publish post' }).click();
  await fern.page.getByRole('button', { name: 'Join group' }).click();
  await fern.page.getByRole('button', { name: 'I’ve read the rules' }).click();
  await expect(fern.page.getByRole('heading', { level: 1, name: second })).toBeVisible();

  await fern.context.close();
  await mod.context.close();
});
