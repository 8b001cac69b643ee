import { expect, test, type Page } from '@playwright/test';
import { TRAINING } from '../src/server/modules/listeners/listeners.training';
import { adminCredentials, checkPage, checkPhonePage, logIn, signUp, uniqueHandle, watchThirdParty } from './helpers';

const PHONE = { width: 360, height: 740 };
test.use({ viewport: PHONE });

/** Answers one module's quiz with the keyboard-reachable radios; `wrong` picks a wrong answer for the first question. */
async function answerQuiz(page: Page, moduleId: string, wrong = false): Promise<void> {
  const content = TRAINING.find((m) => m.id === moduleId)!;
  for (const [i, q] of content.questions.entries()) {
    const pick = wrong && i === 0 ? q.options.find((o) => o.id !== q.correct)! : q.options.find((o) => o.id === q.correct)!;
    await page.getByRole('group', { name: new RegExp(`^${i + 1}\\.`) }).getByRole('radio', { name: pick.text, exact: true }).check();
  }
  await page.getByRole('button', { name: 'Check my answers' }).click();
}

test('a member takes the training and applies, an admin approves, and the new listener goes on duty', async ({ browser, baseURL }, testInfo) => {
  const memberContext = await browser.newContext({ baseURL: baseURL!, viewport: PHONE });
  const page = await memberContext.newPage();
  const foreign = watchThirdParty(page, baseURL!);
  const handle = uniqueHandle('KindEar');
  await signUp(page, handle);

  await page.goto('/listeners');
  await expect(page.getByRole('heading', { level: 1, name: 'Listeners' })).toBeVisible();
  await expect(page.getByText('0 of 4 done.')).toBeVisible();
  await checkPhonePage(page, 'the listeners page before training');

  for (const [n, m] of TRAINING.entries()) {
    await page.goto(`/listeners/training/${m.id}`);
    await expect(page.getByRole('heading', { level: 1, name: m.title })).toBeVisible();
    if (n === 0) {
      // Nothing chosen: the gap is announced, then one wrong answer is named kindly.
      await page.getByRole('button', { name: 'Check my answers' }).click();
      await expect(page.getByRole('alert')).toContainText('Please choose an answer');
      await answerQuiz(page, m.id, true);
      await expect(page.getByRole('alert')).toContainText('worth another look');
      await expect(page.getByRole('alert')).toContainText(m.questions[0]!.hint);
      await checkPage(page, 'a training page with an answer to look at again');
    }
    await answerQuiz(page, m.id);
    await expect(page.getByRole('alert')).toContainText('All right');
  }

  await page.goto('/listeners');
  await expect(page.getByText('4 of 4 done.')).toBeVisible();
  await page.getByLabel('Why would you like to listen?').fill('A made-up reason: I would like to keep others company on long nights.');
  await page.getByRole('checkbox', { name: 'English' }).check();
  await page.getByRole('checkbox', { name: 'Loneliness' }).check();
  await checkPage(page, 'the application form');
  await page.getByRole('button', { name: 'Send my application' }).click();
  await expect(page.getByText(/is with the moderators/)).toBeVisible();
  await checkPage(page, 'the listeners page with a pending application');

  const adminContext = await browser.newContext({ baseURL: baseURL!, viewport: PHONE });
  const admin = await adminContext.newPage();
  const credentials = adminCredentials(testInfo);
  await logIn(admin, credentials.handle, credentials.passphrase);
  await admin.goto('/moderation/alerts');
  await admin.getByRole('link', { name: 'Listener applications' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: 'Listener applications' })).toBeVisible();
  const card = admin.getByRole('article', { name: handle });
  await expect(card).toBeVisible();
  await checkPage(admin, 'the listener applications review');
  await card.getByLabel('Note to the member').fill('Welcome, and thank you.');
  await card.getByRole('button', { name: 'Approve' }).click();
  await expect(admin.getByRole('status').filter({ hasText: `${handle} is now a listener.` })).toBeVisible();
  await adminContext.close();

  await page.reload();
  await expect(page.getByText('You are a Kindred listener.')).toBeVisible();
  await page.getByRole('link', { name: 'Go to your duty controls' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Listener duty' })).toBeVisible();
  await expect(page.getByText('You are off duty.')).toBeVisible();
  await checkPhonePage(page, 'the listener duty page, off duty');
  await page.getByRole('button', { name: 'Go on duty' }).click();
  await expect(page.getByText('You are on duty.', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'I need a break' })).toBeVisible();
  await checkPage(page, 'the listener duty page, on duty');
  await page.getByRole('button', { name: 'I need a break' }).click();
  await expect(page.getByText('You are taking a break.').first()).toBeVisible();

  // The listeners' own room, to talk over a hard chat.
  await page.getByRole('link', { name: 'The listeners’ room, to talk over a hard chat' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Listeners’ room' })).toBeVisible();
  await page.getByRole('button', { name: 'I’ve read the guidelines' }).click();
  await page.getByLabel('Your message', { exact: true }).fill('A made-up note after a long shift');
  await page.getByLabel('Your message', { exact: true }).press('Enter');
  await expect(page.getByRole('region', { name: 'Messages' }).getByText('A made-up note after a long shift')).toBeVisible();
  // As it first shows on a phone (sending kept the view on the box to write in).
  await page.reload();
  await expect(page.getByRole('region', { name: 'Messages' }).getByText('A made-up note after a long shift')).toBeVisible();
  await checkPhonePage(page, "the listeners' room");

  expect(foreign).toEqual([]);
  await memberContext.close();
});
