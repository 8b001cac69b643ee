import { expect, test } from '@playwright/test';
import { adminCredentials, checkPage, checkPhonePage, logIn, uniqueWord, watchThirdParty } from './helpers';

const PHONE = { width: 360, height: 740 };
test.use({ viewport: PHONE });

test('an admin writes a draft with a live preview and publishes it; a visitor finds it by search and reads it', async ({ browser, baseURL }, testInfo) => {
  const adminContext = await browser.newContext({ baseURL: baseURL!, viewport: PHONE });
  const admin = await adminContext.newPage();
  const foreign = watchThirdParty(admin, baseURL!);
  const credentials = adminCredentials(testInfo);
  await logIn(admin, credentials.handle, credentials.passphrase);

  await admin.goto('/admin/resources');
  await expect(admin.getByRole('heading', { level: 1, name: 'Resource library' })).toBeVisible();
  await checkPage(admin, 'the admin resource library');
  await admin.getByRole('link', { name: 'New article' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: 'New article' })).toBeVisible();

  // A problem keeps what was typed.
  const word = uniqueWord('lantern');
  const title = `Made-up ${word} walks`;
  await admin.getByLabel('Title').fill(title);
  await admin.getByRole('button', { name: 'Save draft' }).click();
  await expect(admin.getByText('Please write the article.').first()).toBeVisible();
  await expect(admin.getByLabel('Title')).toHaveValue(title);

  await admin.getByLabel('Tags').fill('made-up, walking');
  await admin.getByLabel('Article (Markdown)').fill(`A **gentle** made-up walk with a ${word}.\n\n<script>window.hacked = 1</script>`);
  const preview = admin.getByTestId('resource-preview');
  await expect(preview.locator('strong')).toHaveText('gentle');
  await expect(preview).toContainText('<script>window.hacked = 1</script>');
  expect(await admin.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
  await checkPage(admin, 'the resource editor');

  await admin.getByRole('button', { name: 'Save draft' }).click();
  await expect(admin.getByText('Draft saved.')).toBeVisible();
  await expect(admin.getByText('This article is a draft')).toBeVisible();

  // A visitor cannot find the draft.
  const visitorContext = await browser.newContext({ baseURL: baseURL!, viewport: PHONE });
  const visitor = await visitorContext.newPage();
  const visitorForeign = watchThirdParty(visitor, baseURL!);
  await visitor.goto(`/resources?q=${word}`);
  await expect(visitor.getByRole('status').filter({ hasText: 'No articles match' })).toBeVisible();

  await admin.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(admin.getByText('Published. Anyone can read it now.')).toBeVisible();

  await visitor.goto('/resources');
  await expect(visitor.getByRole('heading', { level: 1, name: 'Resources' })).toBeVisible();
  await checkPhonePage(visitor, 'the resource library');
  await visitor.getByLabel('Search articles').fill(word);
  await visitor.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(visitor.getByRole('status').filter({ hasText: '1 article found.' })).toBeVisible();
  await visitor.getByRole('link', { name: title }).click();
  await expect(visitor.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(visitor.locator('.prose strong')).toHaveText('gentle');
  await checkPhonePage(visitor, 'a resource article');

  expect(foreign).toEqual([]);
  expect(visitorForeign).toEqual([]);
  await adminContext.close();
  await visitorContext.close();
});

test('a seeded article is readable by a visitor, by tag, and ends with the crisis lines', async ({ page, baseURL }) => {
  const foreign = watchThirdParty(page, baseURL!);
  await page.goto('/resources');
  await page.getByRole('navigation', { name: 'Filter by tag' }).getByRole('link', { name: /^grounding/ }).click();
  await expect(page).toHaveURL(/tag=grounding/);
  await page.getByRole('link', { name: 'Grounding with 5-4-3-2-1' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Grounding with 5-4-3-2-1' })).toBeVisible();
  // The article's own ending points to help, and the reader's crisis lines follow it.
  await expect(page.locator('.prose').getByRole('link', { name: 'Get help now' })).toHaveAttribute('href', '/help');
  const help = page.getByRole('region', { name: 'If you need help now' }).last();
  await expect(help).toBeVisible();
  await expect(help.locator('.crisis-choices')).toBeVisible();
  await checkPhonePage(page, 'a seeded article');
  expect(foreign).toEqual([]);
});
