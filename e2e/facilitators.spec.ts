import { expect, test, type Page } from '@playwright/test';
import { FACILITATOR_TRAINING } from '../src/server/modules/facilitators/facilitators.training';
import { adminCredentials, checkPage, checkPhonePage, logIn, signUp, uniqueHandle, watchThirdParty } from './helpers';

const PHONE = { width: 360, height: 740 };
test.use({ viewport: PHONE });

/** Answers one module's quiz with the radios; `wrong` picks a wrong answer for the first question. */
async function answerQuiz(page: Page, moduleId: string, wrong = false): Promise<void> {
  const content = FACILITATOR_TRAINING.find((m) => m.id === moduleId)!;
  for (const [i, q] of content.questions.entries()) {
    const pick = wrong && i === 0 ? q.options.find((o) => o.id !== q.correct)! : q.options.find((o) => o.id === q.correct)!;
    await page.getByRole('group', { name: new RegExp(`^${i + 1}\\.`) }).getByRole('radio', { name: pick.text, exact: true }).check();
  }
  await page.getByRole('button', { name: 'Check my answers' }).click();
}

/** The admin finds `handle` on the members page and returns their card. */
async function findMember(admin: Page, handle: string) {
  await admin.goto('/admin/members');
  await admin.getByLabel('Search by handle').fill(handle.toLowerCase());
  await admin.getByRole('button', { name: 'Search', exact: true }).click();
  const card = admin.getByRole('article').filter({ has: admin.getByRole('heading', { name: handle }) });
  await expect(card).toBeVisible();
  return card;
}

test('a member takes the facilitator training, and an admin then makes them a facilitator', async ({ browser, baseURL }, testInfo) => {
  const memberContext = await browser.newContext({ baseURL: baseURL!, viewport: PHONE });
  const page = await memberContext.newPage();
  const foreign = watchThirdParty(page, baseURL!);
  const handle = uniqueHandle('SteadyHost');
  await signUp(page, handle);

  const adminContext = await browser.newContext({ baseURL: baseURL!, viewport: PHONE });
  const admin = await adminContext.newPage();
  const credentials = adminCredentials(testInfo);
  await logIn(admin, credentials.handle, credentials.passphrase);
  // Before the training, the admin is told why granting has to wait.
  let card = await findMember(admin, handle);
  await expect(card.getByText(`${handle} has not finished the facilitator training yet`)).toBeVisible();

  await page.goto('/listeners');
  await page.getByRole('link', { name: /Read about facilitating/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Facilitators' })).toBeVisible();
  await expect(page.getByText('0 of 3 done.')).toBeVisible();
  await expect(page.getByText("Once you've finished, an admin can make you a facilitator.")).toBeVisible();
  await checkPhonePage(page, 'the facilitators page before training');

  for (const [n, m] of FACILITATOR_TRAINING.entries()) {
    await page.goto('/facilitators');
    await page.getByRole('link', { name: m.title }).click();
    await expect(page.getByRole('heading', { level: 1, name: m.title })).toBeVisible();
    if (n === 0) {
      await checkPhonePage(page, 'a facilitator training page');
      await answerQuiz(page, m.id, true);
      await expect(page.getByRole('alert')).toContainText('worth another look');
      await expect(page.getByRole('alert')).toContainText(m.questions[0]!.hint);
      await checkPage(page, 'a facilitator training page with an answer to look at again');
    }
    await answerQuiz(page, m.id);
    await expect(page.getByRole('alert')).toContainText('All right');
  }
  await expect(page.getByRole('alert')).toContainText('an admin can now make you a facilitator');

  await page.goto('/facilitators');
  await expect(page.getByText('3 of 3 done.')).toBeVisible();
  await checkPhonePage(page, 'the facilitators page after training');

  card = await findMember(admin, handle);
  await expect(card.getByText('has not finished the facilitator training')).toHaveCount(0);
  await card.getByRole('checkbox', { name: 'Facilitator' }).check();
  await card.getByRole('button', { name: /Save roles/ }).click();
  await expect(card.getByText(`Roles saved for ${handle}.`)).toBeVisible();
  await checkPage(admin, 'the admin members page after granting facilitator');
  await adminContext.close();

  await page.reload();
  await expect(page.getByText('You are a Kindred facilitator.')).toBeVisible();
  expect(foreign).toEqual([]);
  await memberContext.close();
});
