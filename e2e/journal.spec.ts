import { expect, test } from '@playwright/test';
import { adminCredentials, callApi, checkPage, checkPhonePage, logIn, signUp, uniqueHandle, uniqueWord } from './helpers';

const PHONE = { width: 360, height: 740 };

test.use({ viewport: PHONE });

test('a member writes a journal entry, reads it back after a reload, edits it and deletes it, by keyboard at 360px; an admin cannot read it', async ({ page, browser, baseURL }, testInfo) => {
  const word = uniqueWord('lantern');
  const title = `A made-up quiet evening ${word}`;
  const body = `Made-up words about a slow walk home ${word}.\nA second made-up line.`;

  await signUp(page, uniqueHandle('QuietWren'));
  await page.goto('/journal');
  await expect(page.getByRole('heading', { level: 1, name: 'My journal' })).toBeVisible();
  await expect(page.getByText('Only you can read your journal.')).toBeVisible();
  await expect(page.getByText('Nothing here yet.')).toBeVisible();
  await checkPhonePage(page, 'the empty journal');

  // Saving an empty entry is refused in place, and nothing typed is lost.
  await page.getByLabel('Title (optional)').fill(title);
  await page.getByRole('button', { name: 'Save entry' }).click();
  await expect(page.getByText('Please write something here before saving.').first()).toBeVisible();
  await expect(page.getByLabel('Title (optional)')).toHaveValue(title);
  await checkPage(page, 'the journal with a problem');

  // Write by keyboard: the body, then Tab to Save.
  await page.getByLabel('Your entry').focus();
  await page.keyboard.type(body);
  await page.getByRole('button', { name: 'Save entry' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: `Saved “${title}”.` })).toBeVisible();
  await expect(page.getByLabel('Your entry')).toHaveValue('');
  const link = page.getByRole('link', { name: title });
  await expect(link).toBeVisible();
  await checkPage(page, 'the journal with an entry');

  // Read it, then again after a reload.
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.locator('.journal-text')).toHaveText(body);
  const entryPath = new URL(page.url()).pathname;
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.locator('.journal-text')).toHaveText(body);
  await checkPhonePage(page, 'a journal entry');

  // Nobody else reads it, an admin included.
  const context = await browser.newContext({ baseURL: baseURL!, viewport: PHONE });
  const admin = await context.newPage();
  const credentials = adminCredentials(testInfo);
  await logIn(admin, credentials.handle, credentials.passphrase);
  expect((await callApi(admin, 'GET', `/api/v1/me/journal/${entryPath.split('/').pop()}`)).status).toBe(404);
  await admin.goto(entryPath);
  await expect(admin.getByRole('heading', { level: 1, name: 'Entry not found' })).toBeVisible();
  await expect(admin.getByText(word)).toHaveCount(0);
  await context.close();

  // Edit.
  await page.getByRole('button', { name: 'Edit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit entry' })).toBeVisible();
  await checkPage(page, 'editing a journal entry');
  await page.getByLabel('Your entry').fill(`Made-up words, rewritten ${word}.`);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your changes are saved.' })).toBeVisible();
  await expect(page.locator('.journal-text')).toHaveText(`Made-up words, rewritten ${word}.`);
  await page.reload();
  await expect(page.locator('.journal-text')).toHaveText(`Made-up words, rewritten ${word}.`);

  // Delete, through the confirmation, by keyboard.
  await page.getByRole('button', { name: 'Delete' }).focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('alertdialog', { name: 'Delete this entry?' });
  await expect(dialog).toBeVisible();
  await checkPage(page, 'the delete confirmation');
  await dialog.getByRole('button', { name: 'Delete entry' }).click();
  await expect(page).toHaveURL(/\/journal$/);
  await expect(page.getByRole('status').filter({ hasText: 'The entry is deleted.' })).toBeVisible();
  await expect(page.getByText('Nothing here yet.')).toBeVisible();
  await page.goto(entryPath);
  await expect(page.getByRole('heading', { level: 1, name: 'Entry not found' })).toBeVisible();
  await checkPage(page, 'a deleted journal entry');
});
