import { expect, test, type Browser, type Page } from '@playwright/test';
import { adminCredentials, checkPage, checkPhonePage, logIn, readGroupRules, signUp, uniqueHandle, uniqueWord, vouchFor, watchThirdParty } from './helpers';
import { composer, message, messages, say } from './room-helpers';

const GROUP = 'depression-support';
const PHONE = { width: 360, height: 740 };

// Rooms are used on phones at night: every room page is checked at 360 pixels wide.
test.use({ viewport: PHONE });

/** A second person, in a browser of their own. */
async function anotherBrowser(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ baseURL, viewport: PHONE });
  return { context, page: await context.newPage() };
}

async function joinGroup(page: Page, slug = GROUP): Promise<void> {
  await page.goto(`/groups/${slug}`);
  const join = page.getByRole('button', { name: 'Join group' });
  const leave = page.getByRole('button', { name: 'Leave group' });
  await expect(join.or(leave)).toBeVisible();
  if (await join.isVisible()) await join.click();
  await expect(leave).toBeVisible();
  await readGroupRules(page, slug);
}

/** From the group page into its room, past the room's guidelines when there are some. */
async function enterRoom(page: Page): Promise<void> {
  await page.goto(`/groups/${GROUP}`);
  await page.getByRole('link', { name: 'Enter the room' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /group room/ })).toBeVisible();
  const gate = page.getByRole('button', { name: 'I’ve read the guidelines' });
  const box = composer(page);
  await expect(gate.or(box)).toBeVisible();
  if (await gate.isVisible()) {
    await checkPage(page, 'the room before its guidelines are read');
    await gate.click();
  }
  await expect(box).toBeVisible();
}


/** Sent and acknowledged: shown once, with no "Sending…" or "Retry" left on it. */
async function expectSentOnce(page: Page, text: string): Promise<void> {
  await expect(message(page, text)).toHaveCount(1);
  await expect(message(page, text).getByText('Sending…')).toHaveCount(0);
  await expect(message(page, text).getByRole('button', { name: 'Retry' })).toHaveCount(0);
}

test('two members talk live in the group room; one drops offline, misses nothing, and a retried message is stored once', async ({ page, browser, baseURL }, testInfo) => {
  const foreign = watchThirdParty(page, baseURL!);
  const word = uniqueWord('room');
  const aHandle = uniqueHandle('QuietBrook');
  const bHandle = uniqueHandle('GentleFern');

  await signUp(page, aHandle);
  // A shares a link below: an admin vouches for them, as for someone the community knows (a new
  // member's links wait for a moderator: moderation.spec.ts).
  const admin = await anotherBrowser(browser, baseURL!);
  const { handle: adminHandle, passphrase } = adminCredentials(testInfo);
  await logIn(admin.page, adminHandle, passphrase);
  await vouchFor(admin.page, aHandle);
  await admin.context.close();
  await joinGroup(page);
  await enterRoom(page);
  // As the room first shows on a phone (entering it put focus, and the view, on the box to write in).
  await page.reload();
  await expect(composer(page)).toBeVisible();
  await checkPhonePage(page, 'the room');

  const b = await anotherBrowser(browser, baseURL!);
  await signUp(b.page, bHandle);
  await joinGroup(b.page);
  // On the way in, the group's page says someone is already there.
  await expect(b.page.getByText('1 person is there now.')).toBeVisible();
  await enterRoom(b.page);
  await expect(page.getByText('2 here now')).toBeVisible();

  // Each sees what the other says, as it is said; B sees A is typing first.
  await composer(page).fill('Typing slowly');
  await expect(b.page.getByText(`${aHandle} is typing…`)).toBeVisible();
  const hello = `Hello from the night shift ${word}. More at https://example.org/evening-${word}`;
  await say(page, hello);
  await expectSentOnce(page, hello);
  await expect(message(b.page, hello)).toHaveCount(1);
  await expect(message(b.page, hello).getByRole('link', { name: `https://example.org/evening-${word}` })).toHaveAttribute('rel', 'noopener noreferrer nofollow ugc');
  await expect(b.page.getByText(`${aHandle} is typing…`)).toHaveCount(0);
  const answer = `Hi, glad you're here ${word}`;
  await say(b.page, answer);
  await expect(message(page, answer)).toHaveCount(1);
  await expect(message(page, answer)).toContainText(bHandle);
  await checkPage(page, 'the room with messages');

  // A's phone loses its connection; B keeps talking.
  await page.context().setOffline(true);
  await expect(page.getByText("You're offline.")).toBeVisible();
  const burst = [1, 2, 3, 4, 5].map((n) => `Still here, thought ${n} of five ${word}`);
  for (const text of burst) {
    await say(b.page, text);
    await expectSentOnce(b.page, text);
  }

  // What A sends now cannot go: it waits, then offers Retry, keeping the words.
  const offline = `Written in a tunnel ${word}`;
  await say(page, offline);
  await expect(message(page, offline)).toHaveCount(1);
  const retry = message(page, offline).getByRole('button', { name: 'Retry' });
  await expect(retry).toBeVisible({ timeout: 20_000 });
  await checkPage(page, 'the room with a message not sent');
  for (const text of burst) await expect(message(page, text)).toHaveCount(0);

  // Back online: everything B said arrives, once each and in order; Retry sends A's message once.
  await page.context().setOffline(false);
  for (const text of burst) await expect(message(page, text)).toHaveCount(1);
  const texts = await messages(page).allInnerTexts();
  const order = burst.map((text) => texts.findIndex((t) => t.includes(text)));
  expect(order, 'the burst arrives in the order it was written').toEqual([...order].sort((x, y) => x - y));
  await expect(retry).toBeVisible();
  await retry.click();
  await expectSentOnce(page, offline);
  await expect(message(page, offline).getByText('Sent', { exact: true })).toBeVisible();
  await expect(message(b.page, offline)).toHaveCount(1);

  // What the server stored: the same, once each, after a reload on both sides.
  for (const p of [page, b.page]) {
    await p.reload();
    await expect(message(p, offline)).toHaveCount(1);
    for (const text of [hello, answer, ...burst]) await expect(message(p, text)).toHaveCount(1);
  }
  await checkPage(b.page, 'the room after a reload');

  expect(foreign, 'requests to other sites').toEqual([]);
  await b.context.close();
});

test('a host removes a message with a reason: its author reads the reason, everyone else sees it was removed', async ({ page, browser, baseURL }, testInfo) => {
  const word = uniqueWord('host');
  const authorHandle = uniqueHandle('StillWater');
  await signUp(page, authorHandle);
  await joinGroup(page);
  await enterRoom(page);
  const text = `Message for a host to remove ${word}`;
  await say(page, text);
  await expectSentOnce(page, text);

  const host = await anotherBrowser(browser, baseURL!);
  const admin = adminCredentials(testInfo);
  await logIn(host.page, admin.handle, admin.passphrase);
  await joinGroup(host.page);
  await enterRoom(host.page);
  await expect(host.page.getByText("You're a host of this room.")).toBeVisible();
  await host.page.reload();
  await expect(message(host.page, text)).toHaveCount(1);
  await checkPhonePage(host.page, 'the room, for a host');

  const item = message(host.page, text);
  await item.getByRole('button', { name: `Remove message by ${authorHandle}` }).click();
  const dialog = host.page.getByRole('dialog', { name: 'Remove this message?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Remove message' }).click();
  await expect(dialog.getByText('Please tell the author why.')).toBeVisible();
  await checkPage(host.page, 'the remove dialog');
  const reason = 'Please keep names of other people out of the room.';
  await dialog.getByLabel('Reason').fill(reason);
  await dialog.getByRole('button', { name: 'Remove message' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(host.page.getByText(word)).toHaveCount(0);

  // The author, live and after a reload, reads why.
  await expect(page.getByText(`A host removed your message: ${reason}`)).toBeVisible();
  await expect(page.getByText(text)).toHaveCount(0);
  await page.reload();
  await expect(page.getByText(`A host removed your message: ${reason}`)).toBeVisible();

  // Another member sees only that a host removed it.
  const other = await anotherBrowser(browser, baseURL!);
  await signUp(other.page, uniqueHandle('KindHarbor'));
  await joinGroup(other.page);
  await enterRoom(other.page);
  await expect(other.page.getByText('Removed by a host').first()).toBeVisible();
  await expect(other.page.getByText(reason)).toHaveCount(0);
  await expect(other.page.getByText(word)).toHaveCount(0);

  await host.context.close();
  await other.context.close();
});

test('the room is for members: a visitor is asked to log in, a non-member to join', async ({ page }) => {
  await page.goto(`/groups/${GROUP}/room`);
  await expect(page).toHaveURL(/\/login\?next=/);
  await signUp(page, uniqueHandle('NewLeaf'));
  await page.goto(`/groups/${GROUP}/room`);
  await expect(page.getByText('This room is for members of the group.')).toBeVisible();
  await checkPhonePage(page, 'the room for a non-member');
  await page.getByRole('link', { name: 'Join the group to come in' }).click();
  await expect(page.getByRole('button', { name: 'Join group' })).toBeVisible();
});

test('the bell follows new notifications live, and an open notifications page shows them without reloading', async ({ page, browser, baseURL }) => {
  const title = `A quiet evening ${Math.floor(Math.random() * 1e6)}`;
  await signUp(page, uniqueHandle('SoftLantern'));
  await joinGroup(page);
  await page.goto(`/groups/${GROUP}/new`);
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Your post', { exact: true }).fill('Sitting with a cup of tea and trying to slow down.');
  await page.getByRole('button', { name: 'Publish post' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const postPath = new URL(page.url()).pathname;

  const b = await anotherBrowser(browser, baseURL!);
  await signUp(b.page, uniqueHandle('KindHarbor'));
  await joinGroup(b.page);

  // A waits in the room; a reply to their post lights the bell without a reload (the fallback poll is a minute away).
  await enterRoom(page);
  await expect(page.getByRole('link', { name: 'Notifications', exact: true })).toBeVisible();
  await b.page.goto(postPath);
  await b.page.getByLabel('Write a reply', { exact: true }).fill('That sounds like a gentle way to end the day.');
  await b.page.locator('.reply-box').getByRole('button', { name: 'Post reply' }).click();
  await expect(page.getByRole('link', { name: 'Notifications (1 unread)' })).toBeVisible({ timeout: 8000 });

  // With the notifications page open, the next reply appears in the list as it happens.
  await page.getByRole('link', { name: 'Notifications (1 unread)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  const replied = page.getByRole('link', { name: /replied to/ });
  await expect(replied).toHaveCount(1);
  await b.page.getByLabel('Write a reply', { exact: true }).fill('Thinking of you tonight.');
  await b.page.locator('.reply-box').getByRole('button', { name: 'Post reply' }).click();
  await expect(replied).toHaveCount(2, { timeout: 8000 });
  await expect(page.getByRole('link', { name: 'Notifications (2 unread)' })).toBeVisible();
  await b.context.close();
});

test('safety in the room: the author of a worrying message gets help in place, the host is told, and an offer of private contact reaches the moderators', async ({ page, browser, baseURL }, testInfo) => {
  const word = uniqueWord('care');
  const host = await anotherBrowser(browser, baseURL!);
  const admin = adminCredentials(testInfo);
  await logIn(host.page, admin.handle, admin.passphrase);
  await joinGroup(host.page);
  await enterRoom(host.page);

  const author = uniqueHandle('NightOwl');
  await signUp(page, author);
  await joinGroup(page);
  await enterRoom(page);
  const worrying = `I keep thinking I want to die and I don't see the point anymore ${word}`;
  await say(page, worrying);
  // Help comes first, in the room itself.
  await expect(page.getByRole('dialog').or(page.locator('.notice--help')).first()).toBeVisible();
  const dialog = page.getByRole('dialog');
  if (await dialog.isVisible()) {
    await checkPage(page, 'the crisis card in the room');
    await page.keyboard.press('Escape');
  }
  // Kindred put a content warning on it, so its words wait behind "Show message" even here.
  const mineNow = messages(page).filter({ hasText: author }).last();
  await expect(mineNow.getByRole('button', { name: 'Show message' })).toBeVisible();
  await expect(mineNow.getByRole('link', { name: 'Get help now' })).toBeVisible();

  // The host, already in the room, is told at once what to do.
  await expect(messages(host.page).filter({ hasText: author }).last().getByText(`${author} may be struggling right now`)).toBeVisible();
  await checkPage(host.page, 'the room with a risk notice for the host');

  const offer = `dm me and we can talk on snap ${word}`;
  await say(page, offer);
  await expect(message(page, offer).getByText('please keep contact inside Kindred', { exact: false })).toBeVisible();

  await host.page.goto('/moderation/flags');
  const card = host.page.locator('.flag-card').filter({ hasText: offer });
  await expect(card).toBeVisible();
  await expect(card.getByText(author)).toBeVisible();
  await checkPhonePage(host.page, 'the flagged messages');
  await card.getByRole('button', { name: 'Mark looked at' }).click();
  await expect(host.page.getByRole('status').filter({ hasText: 'Marked as looked at.' })).toBeVisible();
  await expect(host.page.locator('.flag-card').filter({ hasText: offer })).toHaveCount(0);
  await host.page.getByRole('link', { name: 'Looked at' }).click();
  await expect(host.page.locator('.flag-card').filter({ hasText: offer })).toContainText(`Looked at by ${admin.handle}`);
  await host.context.close();
});
