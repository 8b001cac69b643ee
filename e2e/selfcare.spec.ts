import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { checkPage, checkPhonePage, signUp, uniqueHandle, watchThirdParty } from './helpers';

const PHONE = { width: 360, height: 740 };

/** The first UK line the crisis card shows, read from the reviewed data file the server serves. */
const UK = (() => {
  const file = JSON.parse(fs.readFileSync('src/server/modules/safety/crisis-lines.json', 'utf8')) as { countries: Record<string, { name: string; lines: { name: string; phones: unknown[] }[] }> };
  const country = file.countries.GB!;
  return { name: country.name, lineName: country.lines.find((l) => l.phones.length > 0)!.name };
})();

async function setCountry(page: Page, name: string): Promise<void> {
  await page.goto('/settings');
  await page.getByLabel('Country').selectOption({ label: name });
  await page.getByRole('button', { name: 'Save changes' }).first().click();
  await expect(page.getByText('Your changes are saved.')).toBeVisible();
}

/** Answers the nine questions: `answers[i]` is the label chosen for question i + 1. */
async function answerPhq9(page: Page, answers: string[]): Promise<void> {
  for (const [i, label] of answers.entries()) {
    await page.getByRole('group', { name: new RegExp(`^${i + 1}\\. `) }).getByRole('radio', { name: label, exact: true }).check();
  }
}

test('a visitor takes the self-check with nothing sent, and the hub is reachable from the navigation', async ({ page, baseURL }) => {
  const foreign = watchThirdParty(page, baseURL!);
  const posted: string[] = [];
  page.on('request', (r) => {
    if (r.method() !== 'GET') posted.push(r.url());
  });
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Self-care' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Self-care' })).toBeVisible();
  await checkPage(page, 'the self-care hub');
  await page.getByRole('link', { name: 'Self-check (PHQ-9)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Self-check (PHQ-9)' })).toBeVisible();
  await expect(page.getByText(/educational grant from Pfizer/)).toBeVisible();
  await checkPage(page, 'the self-check form');

  // A missing answer is named, and what was answered stays.
  await answerPhq9(page, ['Several days', 'Several days', 'More than half the days', 'Nearly every day', 'Several days', 'Several days', 'Several days', 'Not at all']);
  await page.getByRole('button', { name: 'See my result' }).click();
  await expect(page.getByRole('alert')).toContainText('Please answer 1 more question');
  await expect(page.getByRole('group', { name: /^1\. / }).getByRole('radio', { name: 'Several days', exact: true })).toBeChecked();
  await page.getByRole('group', { name: /^9\. / }).getByRole('radio', { name: 'Not at all', exact: true }).check();
  await page.getByRole('button', { name: 'See my result' }).click();
  await expect(page.getByText('10 out of 27')).toBeVisible();
  await expect(page.getByText('Moderate signs of depression (10–14).')).toBeVisible();
  await expect(page.getByText(/This is not a diagnosis/)).toBeVisible();
  await expect(page.getByText(/talk to a doctor or a mental-health professional/)).toBeVisible();
  await expect(page.getByRole('heading', { name: /don't have to carry this alone/ })).toHaveCount(0);
  await checkPage(page, 'a visitor’s result');
  expect(posted, 'nothing a visitor answered was sent').toEqual([]);
  expect(foreign).toEqual([]);
});

test.describe('at 360 pixels', () => {
  test.use({ viewport: PHONE });

  test('a member who answers item 9 above "Not at all" sees the crisis card before the score, keeps the result and sees it over time', async ({ page, baseURL }) => {
    const foreign = watchThirdParty(page, baseURL!);
    await signUp(page, uniqueHandle('SelfCheck'));
    await setCountry(page, UK.name);
    await page.goto('/self-check');
    await checkPhonePage(page, 'the self-check on a phone');
    await answerPhq9(page, ['Not at all', 'Several days', 'Not at all', 'Several days', 'Not at all', 'Not at all', 'Not at all', 'Not at all', 'Several days']);
    await page.getByRole('button', { name: 'See my result' }).click();

    const crisis = page.getByRole('region', { name: /don't have to carry this alone/ });
    await expect(crisis).toBeVisible();
    await expect(crisis.getByText(UK.lineName).first()).toBeVisible();
    await expect(crisis.getByRole('link', { name: 'Open my safety plan' })).toHaveAttribute('href', '/safety-plan');
    await expect(page.getByRole('heading', { level: 2, name: /don't have to carry this alone/ })).toBeFocused();
    // The crisis help comes first on the page, the score after it.
    const crisisTop = (await crisis.boundingBox())!.y;
    const scoreTop = (await page.getByRole('heading', { level: 2, name: 'Your result' }).boundingBox())!.y;
    expect(crisisTop).toBeLessThan(scoreTop);
    const order = await page.evaluate(() => {
      const c = document.getElementById('selfcheck-crisis-title')!;
      const s = document.getElementById('selfcheck-score-title')!;
      return c.compareDocumentPosition(s) & Node.DOCUMENT_POSITION_FOLLOWING;
    });
    expect(order).toBeTruthy();
    await expect(page.getByText('3 out of 27')).toBeVisible();
    await checkPage(page, 'a result with item 9 above 0');

    await page.getByRole('button', { name: 'Keep this result' }).click();
    await expect(page.getByText('Kept. Only you can see it, below.')).toBeVisible();
    const table = page.getByRole('table', { name: 'Your kept results, newest first' });
    await expect(table.getByRole('cell', { name: '3 out of 27' })).toBeVisible();
    await expect(page.getByRole('img', { name: 'Your PHQ-9 scores over time' })).toBeVisible();
    await checkPage(page, 'kept results');
    await table.getByRole('button', { name: /Delete the result of/ }).click();
    await expect(page.getByText('You have not kept any results yet.')).toBeVisible();
    expect(foreign).toEqual([]);
  });

  test('a member records moods with one tap, sees the chart and its table, and is not nagged by one low day', async ({ page, baseURL }) => {
    const foreign = watchThirdParty(page, baseURL!);
    await signUp(page, uniqueHandle('Moods'));
    await page.goto('/self-care');
    await page.getByRole('link', { name: 'Mood check-in' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mood check-in' })).toBeVisible();
    await checkPhonePage(page, 'the mood page, empty');

    await page.getByText('Add feeling words or a note (optional)').click();
    await page.getByRole('checkbox', { name: 'Tired' }).check();
    await page.getByLabel('A short note').fill('A made-up note about a slow morning.');
    await page.getByRole('button', { name: 'Okay', exact: true }).click();
    await expect(page.getByText('Noted: Okay. Thank you for checking in.')).toBeVisible();
    await page.getByRole('button', { name: 'Good', exact: true }).click();
    await expect(page.getByText('Noted: Good. Thank you for checking in.')).toBeVisible();

    await expect(page.getByRole('img', { name: 'Your mood each day over the last 30 days' })).toBeVisible();
    const table = page.getByRole('table', { name: 'Your check-ins of the last 30 days, newest first' });
    await expect(table.getByRole('cell', { name: 'A made-up note about a slow morning.' })).toBeVisible();
    await expect(table.getByRole('cell', { name: 'Tired' })).toBeVisible();
    await expect(table.getByRole('row')).toHaveCount(3);
    await page.getByRole('button', { name: '90 days' }).click();
    await expect(page.getByRole('img', { name: 'Your mood each day over the last 90 days' })).toBeVisible();
    await page.evaluate(() => window.scrollTo(0, 0));
    await checkPhonePage(page, 'the mood page with a chart');

    await page.goto('/moods');
    for (let i = 0; i < 5; i++) {
      await page.getByRole('button', { name: 'Very low', exact: true }).click();
      await expect(page.getByText('Noted: Very low. Thank you for checking in.')).toBeVisible();
    }
    // One day of lows is not a stretch: the default rule needs 5 of the last 7 days.
    await expect(page.getByRole('heading', { name: 'The last few days seem to have been hard' })).toHaveCount(0);
    await checkPage(page, 'the mood page after check-ins');
    expect(foreign).toEqual([]);
  });
});
