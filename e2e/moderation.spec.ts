import { expect, test, type Browser, type Page } from '@playwright/test';
import { GROUP, joinGroup, writePost } from './group-helpers';
import { adminCredentials, checkPage, checkPhonePage, logIn, signUp, uniqueHandle, uniqueWord } from './helpers';

const PHONE = { width: 360, height: 740 };

async function memberBrowser(browser: Browser, baseURL: string, prefix: string, viewport = PHONE) {
  const context = await browser.newContext({ baseURL, viewport });
  const page = await context.newPage();
  const handle = uniqueHandle(prefix);
  await signUp(page, handle);
  return { context, page, handle };
}

test('a member reports a post, a moderator removes it with a reason, the author sees why, and the audit log shows it', async ({ page, browser, baseURL }, testInfo) => {
  test.setTimeout(120_000);
  const word = uniqueWord('unkind');
  const title = `A made-up unkind post ${word}`;

  // The author writes a post.
  const author = await memberBrowser(browser, baseURL!, 'author');
  await joinGroup(author.page);
  const path = await writePost(author.page, title, `Words that a made-up reader found unkind ${word}.`);

  // Another member reports it from the post, with a reason and a note.
  const reporterHandle = uniqueHandle('reporter');
  await page.setViewportSize(PHONE);
  await signUp(page, reporterHandle);
  await page.goto(path);
  await page.getByRole('button', { name: 'Report this post', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Report this post' });
  await expect(dialog).toBeVisible();
  await checkPage(page, 'the report dialog');
  // Nothing chosen: told kindly, nothing lost.
  await dialog.getByLabel('Anything the moderators should know? (optional)').fill(`It read as aimed at someone ${word}`);
  await dialog.getByRole('button', { name: 'Send report' }).click();
  await expect(dialog.getByText('Please choose what is wrong.')).toBeVisible();
  await expect(dialog.getByLabel('Anything the moderators should know? (optional)')).toHaveValue(`It read as aimed at someone ${word}`);
  await dialog.getByRole('radio', { name: /harassing/ }).check();
  await dialog.getByRole('button', { name: 'Send report' }).click();
  await expect(page.getByText('Thank you. A moderator will look at it. You can follow it under My reports.')).toBeVisible();
  await page.getByRole('button', { name: 'Close' }).click();
  await page.goto('/reports');
  await expect(page.getByRole('heading', { level: 1, name: 'My reports' })).toBeVisible();
  await expect(page.getByText('Waiting')).toBeVisible();
  await checkPhonePage(page, 'my reports, waiting');

  // A moderator finds it in the review queue, reads it, claims it and removes it with a guideline and a reason.
  const mod = await browser.newContext({ baseURL: baseURL!, viewport: PHONE });
  const modPage = await mod.newPage();
  const { handle: adminHandle, passphrase } = adminCredentials(testInfo);
  await logIn(modPage, adminHandle, passphrase);
  await modPage.getByRole('link', { name: 'Review queue' }).first().click();
  await expect(modPage.getByRole('heading', { level: 1, name: 'Review queue' })).toBeVisible();
  const card = modPage.getByRole('article', { name: `Post by ${author.handle}` });
  await expect(card).toBeVisible();
  // Distressing words wait behind a button until the moderator chooses to read them.
  await expect(card.getByText(`Words that a made-up reader found unkind ${word}`)).toHaveCount(0);
  await checkPhonePage(modPage, 'the review queue');
  await card.getByRole('button', { name: 'Show the words' }).click();
  await expect(card.getByText(`Words that a made-up reader found unkind ${word}`)).toBeVisible();
  await expect(card.getByText(`It read as aimed at someone ${word}`)).toBeVisible();
  await card.getByRole('button', { name: 'Claim' }).click();
  await expect(card.getByText('You are looking at this.')).toBeVisible();
  await card.getByRole('button', { name: 'Remove', exact: true }).click();
  const remove = modPage.getByRole('dialog', { name: 'Remove this post' });
  await remove.getByRole('radio', { name: 'Be kind.' }).check();
  await remove.getByLabel('Your reason (the member will read it)').fill(`Posts here need to be gentle with each other ${word}.`);
  await checkPage(modPage, 'the remove dialog');
  await remove.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(modPage.getByText('Removed. Its author will be told which guideline, with your reason.')).toBeVisible();
  await expect(card).toHaveCount(0);

  // The author is told which guideline and why, kindly.
  await author.page.goto('/feed');
  const notice = author.page.getByRole('region', { name: 'A note from the moderators' });
  await expect(notice).toContainText('Be kind.');
  await expect(notice).toContainText(`Posts here need to be gentle with each other ${word}.`);
  await checkPhonePage(author.page, 'the feed with a note from the moderators');
  await notice.getByRole('button', { name: 'Got it' }).click();
  await expect(notice).toHaveCount(0);
  await author.page.reload();
  await expect(author.page.getByRole('region', { name: 'A note from the moderators' })).toHaveCount(0);

  // The reporter sees it was acted on; the post is gone for them.
  await page.reload();
  await expect(page.getByText('Acted on')).toBeVisible();
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: title })).toHaveCount(0);

  // The audit log shows who did what, when and why.
  await modPage.getByRole('link', { name: 'Audit log' }).first().click();
  await expect(modPage.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  const row = modPage.getByRole('row').filter({ hasText: `Posts here need to be gentle with each other ${word}.` });
  await expect(row).toContainText(adminHandle);
  await expect(row).toContainText('Be kind.');
  await checkPhonePage(modPage, 'the audit log');
  // A removal can be undone from its line in the log, with a reason that is kept too.
  await row.getByRole('button', { name: /^Restore/ }).click();
  const restore = modPage.getByRole('dialog', { name: 'Restore this post' });
  await restore.getByLabel('Your reason (kept in the audit log)').fill(`Looked again with made-up second thoughts ${word}.`);
  await restore.getByRole('button', { name: 'Restore', exact: true }).click();
  await expect(modPage.getByRole('row').filter({ hasText: `Looked again with made-up second thoughts ${word}.` })).toBeVisible();
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

  // Operators see the numbers only.
  await modPage.goto('/admin/moderation');
  await expect(modPage.getByRole('heading', { level: 1, name: 'Moderation numbers' })).toBeVisible();
  await expect(modPage.getByText(author.handle)).toHaveCount(0);
  await checkPhonePage(modPage, 'the moderation numbers');

  await author.context.close();
  await mod.close();
});

test('a moderator mutes a member from the queue, and the member is told and kept from posting until it ends', async ({ page, browser, baseURL }, testInfo) => {
  test.setTimeout(90_000);
  const word = uniqueWord('mute');
  const target = await memberBrowser(browser, baseURL!, 'loud');
  await joinGroup(target.page);
  const path = await writePost(target.page, `A made-up heated post ${word}`, `Heated made-up words ${word}.`);

  await signUp(page, uniqueHandle('witness'));
  await page.goto(path);
  await page.getByRole('button', { name: 'Report this post', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Report this post' });
  await dialog.getByRole('radio', { name: /Spam/ }).check();
  await dialog.getByRole('button', { name: 'Send report' }).click();
  await expect(page.getByText('Thank you. A moderator will look at it.', { exact: false })).toBeVisible();

  const mod = await browser.newContext({ baseURL: baseURL!, viewport: PHONE });
  const modPage = await mod.newPage();
  const { handle: adminHandle, passphrase } = adminCredentials(testInfo);
  await logIn(modPage, adminHandle, passphrase);
  await modPage.goto('/moderation/queue');
  const card = modPage.getByRole('article', { name: `Post by ${target.handle}` });
  await card.getByRole('button', { name: `Mute ${target.handle}` }).click();
  const muteDialog = modPage.getByRole('dialog', { name: new RegExp(`Mute ${target.handle}`) });
  await muteDialog.getByLabel('For how many hours?').fill('3');
  await muteDialog.getByRole('radio', { name: 'Be kind.' }).check();
  await muteDialog.getByLabel(/Your reason/).fill(`A short pause to cool down ${word}.`);
  await checkPage(modPage, 'the mute dialog');
  await muteDialog.getByRole('button', { name: 'Mute', exact: true }).click();
  await expect(muteDialog).toHaveCount(0);

  // The member is told, and a reply is refused kindly with their words kept.
  await target.page.goto('/feed');
  await expect(target.page.getByRole('region', { name: 'A note from the moderators' })).toContainText(`A short pause to cool down ${word}.`);
  await target.page.goto(path);
  const box = target.page.getByLabel('Write a reply', { exact: true });
  await box.fill(`A made-up reply while paused ${word}`);
  await target.page.locator('.reply-box').getByRole('button', { name: 'Post reply' }).click();
  await expect(target.page.getByText(/A moderator has paused your posts and messages for a while/)).toBeVisible();
  await expect(box).toHaveValue(`A made-up reply while paused ${word}`);

  await target.context.close();
  await mod.close();
});

/** Presses Tab until `target` has the focus, as someone without a mouse would. */
async function tabTo(page: Page, target: import('@playwright/test').Locator, what: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${what} with the Tab key`);
}

test('a moderator works through the queue with the keyboard alone', async ({ page, browser, baseURL }, testInfo) => {
  test.setTimeout(90_000);
  const word = uniqueWord('keys');
  const author = await memberBrowser(browser, baseURL!, 'keyauthor');
  await joinGroup(author.page);
  const path = await writePost(author.page, `A made-up post for the keyboard ${word}`, `Made-up words ${word}.`);
  const reporter = await memberBrowser(browser, baseURL!, 'keyreporter');
  await reporter.page.goto(path);
  // The reporter, too, without a mouse.
  await tabTo(reporter.page, reporter.page.getByRole('button', { name: 'Report this post', exact: true }), 'Report this post');
  await reporter.page.keyboard.press('Enter');
  const dialog = reporter.page.getByRole('dialog', { name: 'Report this post' });
  await expect(dialog).toBeVisible();
  await tabTo(reporter.page, dialog.getByRole('radio').first(), 'the first reason');
  await reporter.page.keyboard.press('ArrowDown');
  await reporter.page.keyboard.press('ArrowDown');
  await expect(dialog.getByRole('radio', { name: /Spam/ })).toBeChecked();
  await tabTo(reporter.page, dialog.getByRole('button', { name: 'Send report' }), 'Send report');
  await reporter.page.keyboard.press('Enter');
  await expect(reporter.page.getByText('Thank you. A moderator will look at it.', { exact: false })).toBeVisible();
  await reporter.context.close();

  const { handle: adminHandle, passphrase } = adminCredentials(testInfo);
  await logIn(page, adminHandle, passphrase);
  await page.goto('/moderation/queue');
  const card = page.getByRole('article', { name: `Post by ${author.handle}` });
  await expect(card).toBeVisible();
  await tabTo(page, card.getByRole('button', { name: 'Claim' }), 'Claim');
  await page.keyboard.press('Enter');
  await expect(card.getByText('You are looking at this.')).toBeVisible();
  await tabTo(page, card.getByRole('button', { name: 'Remove', exact: true }), 'Remove');
  await page.keyboard.press('Enter');
  const remove = page.getByRole('dialog', { name: 'Remove this post' });
  await expect(remove).toBeVisible();
  await tabTo(page, remove.getByRole('radio').first(), 'the first guideline');
  await page.keyboard.press('Space');
  await expect(remove.getByRole('radio', { name: 'Be kind.' })).toBeChecked();
  await tabTo(page, remove.getByLabel('Your reason (the member will read it)'), 'the reason');
  await page.keyboard.type(`Made-up reason typed with keys ${word}.`);
  await tabTo(page, remove.getByRole('button', { name: 'Remove', exact: true }), 'the Remove button');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Removed. Its author will be told which guideline, with your reason.')).toBeVisible();
  await expect(card).toHaveCount(0);
  await author.context.close();
});

test("a new member's post with a link waits for a moderator, who approves it; an admin can vouch for someone the community knows", async ({ page, browser, baseURL }, testInfo) => {
  test.setTimeout(90_000);
  const word = uniqueWord('link');
  const title = `A made-up resource that helped ${word}`;
  const newcomer = await memberBrowser(browser, baseURL!, 'newcomer');
  await joinGroup(newcomer.page);
  await newcomer.page.goto(`/groups/${GROUP}`);
  await newcomer.page.getByRole('link', { name: 'Write a post' }).click();
  await newcomer.page.getByLabel('Title', { exact: true }).fill(title);
  await newcomer.page.getByLabel('Your post', { exact: true }).fill(`This made-up guide helped me: https://example.org/guide-${word}`);
  await newcomer.page.getByRole('button', { name: 'Publish post' }).click();
  await expect(newcomer.page.getByText(/While you are new here, posts and replies with links are read by a moderator/)).toBeVisible();
  await checkPhonePage(newcomer.page, 'a held post, for its new author');
  const path = new URL(newcomer.page.url()).pathname;

  // Nobody else sees it yet.
  const reader = await memberBrowser(browser, baseURL!, 'reader');
  await joinGroup(reader.page);
  await reader.page.goto(`/groups/${GROUP}`);
  await expect(reader.page.getByRole('link', { name: title })).toHaveCount(0);

  // A moderator finds it under "New member, held" and approves it.
  const { handle: adminHandle, passphrase } = adminCredentials(testInfo);
  await logIn(page, adminHandle, passphrase);
  await page.goto('/moderation/queue');
  await page.getByLabel('Type').selectOption({ label: 'New member, held' });
  const card = page.getByRole('article', { name: `Post by ${newcomer.handle}` });
  await expect(card).toBeVisible();
  await expect(card).toContainText(`https://example.org/guide-${word}`);
  await checkPage(page, 'the queue filtered to new members');
  await card.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByText('Approved. Thank you.')).toBeVisible();
  await reader.page.goto(`/groups/${GROUP}`);
  await expect(reader.page.getByRole('link', { name: title })).toBeVisible();
  await reader.page.goto(path);
  await expect(reader.page.getByRole('link', { name: `https://example.org/guide-${word}` })).toBeVisible();

  // An admin vouches for the reader from the members list; their links then appear at once.
  await page.goto('/admin/members');
  await page.getByRole('searchbox').or(page.getByLabel(/search/i)).first().fill(reader.handle.toLowerCase());
  const row = page.getByRole('article').filter({ hasText: reader.handle });
  await expect(row.getByText('Trust level: 0 · new.')).toBeVisible();
  await row.getByLabel(/Vouch: trust level/).selectOption({ label: '2 · member' });
  await row.getByRole('button', { name: /Save trust level/ }).click();
  await expect(row.getByText(`${reader.handle} is now at trust level 2 · member.`)).toBeVisible();
  await checkPage(page, 'the members list after vouching');
  await reader.page.goto(`/groups/${GROUP}`);
  await reader.page.getByRole('link', { name: 'Write a post' }).click();
  await reader.page.getByLabel('Title', { exact: true }).fill(`Another made-up resource ${word}`);
  await reader.page.getByLabel('Your post', { exact: true }).fill(`Also helpful: https://example.org/more-${word}`);
  await reader.page.getByRole('button', { name: 'Publish post' }).click();
  await expect(reader.page.getByRole('heading', { level: 1, name: `Another made-up resource ${word}` })).toBeVisible();
  await expect(reader.page.getByText(/While you are new here/)).toHaveCount(0);

  await newcomer.context.close();
  await reader.context.close();
});
