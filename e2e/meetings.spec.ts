import { expect, test, type Browser, type Page } from '@playwright/test';
import { FACILITATOR_TRAINING } from '../src/server/modules/facilitators/facilitators.training';
import { adminCredentials, callApi, checkPage, checkPhonePage, logIn, signUp, uniqueHandle, uniqueWord } from './helpers';
import { GROUP, joinGroup } from './group-helpers';

const PHONE = { width: 360, height: 740 };

// Members look up meetings on their phones: every page is checked at 360 pixels wide.
test.use({ viewport: PHONE });

async function anotherBrowser(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ baseURL, viewport: PHONE });
  return { context, page: await context.newPage() };
}

/**
 * The admin grants the facilitator role through the admin API. Where the role waits on the
 * facilitator training, the member passes it first through the API, as listeners do in support.spec.ts.
 */
async function becomeFacilitator(facilitator: Page, admin: Page, handle: string): Promise<void> {
  const found = await callApi<{ items: { id: string; handle: string }[] }>(admin, 'GET', `/api/v1/admin/members?q=${encodeURIComponent(handle.toLowerCase())}`);
  const member = found.data.items.find((m) => m.handle === handle);
  expect(member, `${handle} is listed for the admin`).toBeTruthy();
  let granted = await callApi(admin, 'PUT', `/api/v1/admin/members/${member!.id}/roles`, { roles: ['facilitator'] });
  if (granted.status !== 200) {
    for (const module of FACILITATOR_TRAINING) {
      const answers = Object.fromEntries(module.questions.map((q) => [q.id, q.correct]));
      const result = await callApi(facilitator, 'POST', `/api/v1/facilitators/training/${module.id}/answers`, { answers });
      expect(result.status, `facilitator training ${module.id}`).toBe(200);
    }
    granted = await callApi(admin, 'PUT', `/api/v1/admin/members/${member!.id}/roles`, { roles: ['facilitator'] });
  }
  expect(granted.status, 'granting the facilitator role').toBe(200);
}

/** The next date (YYYY-MM-DD, in the browser's zone) that falls on a Tuesday, at least two days away. */
function nextTuesday(): string {
  const d = new Date();
  d.setDate(d.getDate() + 2);
  while (d.getDay() !== 2) d.setDate(d.getDate() + 1);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

test('a facilitator schedules a weekly meeting and a member sees it on /meetings in their own time zone', async ({ page, browser, baseURL }, testInfo) => {
  test.setTimeout(90_000);
  const title = `Tuesday evening circle ${uniqueWord('meet')}`;

  // A facilitator who joined the group.
  const facilitatorHandle = uniqueHandle('SteadyHeron');
  const facilitator = await anotherBrowser(browser, baseURL!);
  await signUp(facilitator.page, facilitatorHandle);
  await joinGroup(facilitator.page, GROUP);
  const admin = await anotherBrowser(browser, baseURL!);
  const credentials = adminCredentials(testInfo);
  await logIn(admin.page, credentials.handle, credentials.passphrase);
  await becomeFacilitator(facilitator.page, admin.page, facilitatorHandle);

  // The form: a kind error keeps what was typed.
  await facilitator.page.goto('/meetings');
  await expect(facilitator.page.getByRole('heading', { level: 2, name: 'Schedule a meeting' })).toBeVisible();
  await checkPhonePage(facilitator.page, 'the meetings page for a facilitator');
  await facilitator.page.getByLabel('Title', { exact: true }).fill(title);
  await facilitator.page.getByRole('button', { name: 'Schedule the meeting' }).click();
  await expect(facilitator.page.getByText('Please choose the date of the first meeting.').first()).toBeVisible();
  await expect(facilitator.page.getByLabel('Title', { exact: true })).toHaveValue(title);
  // Focus went to the field at fault, further down: axe and no sideways scrolling still hold.
  await checkPage(facilitator.page, 'the scheduling form with an error');

  await facilitator.page.getByRole('checkbox', { name: 'Tuesday' }).check();
  await facilitator.page.getByLabel('Date of the first meeting').fill(nextTuesday());
  await facilitator.page.getByLabel('Start time').fill('19:00');
  await facilitator.page.getByLabel('Time zone').selectOption('America/New_York');
  await facilitator.page.getByRole('button', { name: 'Schedule the meeting' }).click();
  await expect(facilitator.page.getByText(`“${title}” is scheduled.`)).toBeVisible();

  // A member in another zone sees it at their own time, with their zone named.
  const memberHandle = uniqueHandle('GentleLark');
  const member = await browser.newContext({ baseURL: baseURL!, viewport: PHONE, timezoneId: 'Europe/London' });
  const memberPage = await member.newPage();
  await signUp(memberPage, memberHandle);
  await memberPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Meetings' }).click();
  await expect(memberPage.getByRole('heading', { level: 1, name: 'Upcoming meetings' })).toBeVisible();
  const item = memberPage.getByRole('listitem').filter({ has: memberPage.getByRole('heading', { name: title }) }).first();
  await expect(item).toBeVisible();
  // 19:00 in New York is midnight in London (or 23:00 in the weeks the two change clocks apart).
  await expect(item).toContainText(/(12:00|00:00|23:00|11:00)/);
  await expect(item).toContainText(/(Greenwich Mean Time|British Summer Time)/);
  await expect(item.getByRole('link', { name: /Add to my calendar/ })).toHaveAttribute('href', /\/api\/v1\/meetings\/.+\/calendar\.ics$/);
  await expect(memberPage.getByRole('heading', { name: 'Schedule a meeting' })).toHaveCount(0);
  await checkPhonePage(memberPage, 'the upcoming meetings page');

  await facilitator.context.close();
  await admin.context.close();
  await member.close();
  void page;
});

test('members save places, the next one waits and is promoted when a place frees, and the facilitator moves, cancels and names a co-facilitator from the meeting page', async ({ browser, baseURL }, testInfo) => {
  test.setTimeout(150_000);
  const title = `Made-up small circle ${uniqueWord('meet')}`;
  const admin = await anotherBrowser(browser, baseURL!);
  const credentials = adminCredentials(testInfo);
  await logIn(admin.page, credentials.handle, credentials.passphrase);

  const leaderHandle = uniqueHandle('SteadyHeron');
  const leader = await anotherBrowser(browser, baseURL!);
  await signUp(leader.page, leaderHandle);
  await joinGroup(leader.page, GROUP);
  await becomeFacilitator(leader.page, admin.page, leaderHandle);
  const coHandle = uniqueHandle('PatientWren');
  const co = await anotherBrowser(browser, baseURL!);
  await signUp(co.page, coHandle);
  await joinGroup(co.page, GROUP);
  await becomeFacilitator(co.page, admin.page, coHandle);

  const first = nextTuesday();
  const made = await callApi<{ meeting: { id: string } }>(leader.page, 'POST', `/api/v1/groups/${GROUP}/meetings`, {
    title,
    startDate: first,
    startTime: '19:00',
    timeZone: 'America/New_York',
    durationMinutes: 60,
    capacity: 2,
    recurrence: { kind: 'weekly', days: ['tu'], interval: 1 },
  });
  expect(made.status, 'scheduling through the API').toBe(201);
  const path = `/meetings/${made.data.meeting.id}`;

  const people = [];
  for (const name of ['GentleLark', 'QuietOtter', 'CalmFinch']) {
    const p = await anotherBrowser(browser, baseURL!);
    await signUp(p.page, uniqueHandle(name));
    await joinGroup(p.page, GROUP);
    await p.page.goto(path);
    await expect(p.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    people.push(p);
  }
  const [ana, bo, cy] = people as [(typeof people)[number], (typeof people)[number], (typeof people)[number]];
  const firstCard = (page: Page) => page.locator(`#occurrence-${first}`);

  // Ana saves a place, gives it up and saves it again.
  await checkPhonePage(ana.page, 'the meeting page for a member');
  await firstCard(ana.page).getByRole('button', { name: /^Save my place/ }).click();
  await expect(firstCard(ana.page).getByText("You're going")).toBeVisible();
  await checkPage(ana.page, 'the meeting page with a place saved');
  await firstCard(ana.page).getByRole('button', { name: /^Cancel my place/ }).click();
  await expect(firstCard(ana.page).getByText('Your place is cancelled.')).toBeVisible();
  await firstCard(ana.page).getByRole('button', { name: /^Save my place/ }).click();
  await expect(firstCard(ana.page).getByText("You're going")).toBeVisible();

  await firstCard(bo.page).getByRole('button', { name: /^Save my place/ }).click();
  await expect(firstCard(bo.page).getByText("You're going")).toBeVisible();

  // The meeting is full: Cy joins the waitlist, and moves up when Ana gives up her place.
  await cy.page.reload();
  await firstCard(cy.page).getByRole('button', { name: /^Join the waitlist/ }).click();
  await expect(firstCard(cy.page).getByText("You're number 1 on the waitlist")).toBeVisible();
  await firstCard(ana.page).getByRole('button', { name: /^Cancel my place/ }).click();
  await expect(firstCard(ana.page).getByText('Your place is cancelled.')).toBeVisible();
  await cy.page.reload();
  await expect(firstCard(cy.page).getByText("You're going")).toBeVisible();
  await cy.page.goto('/notifications');
  await expect(cy.page.getByRole('link', { name: new RegExp(`A place came free at “${title}”`) })).toBeVisible();

  // The facilitator moves the first meeting, cancels the second, and names a co-facilitator.
  await leader.page.goto(path);
  await expect(leader.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await checkPage(leader.page, 'the meeting page for its facilitator');
  await firstCard(leader.page).getByRole('button', { name: /^Move/ }).click();
  const moveDialog = leader.page.getByRole('dialog');
  await moveDialog.getByLabel(/New start time/).fill('20:00');
  await moveDialog.getByLabel(/Why/).fill('A made-up clash with a holiday.');
  await moveDialog.getByRole('button', { name: 'Move the meeting' }).click();
  await expect(moveDialog).toHaveCount(0);
  await expect(firstCard(leader.page).getByText('This meeting has been moved to this time.')).toBeVisible();

  const second = leader.page.locator('.meeting-list > li').nth(1);
  await second.getByRole('button', { name: /^Cancel on/ }).click();
  const cancelDialog = leader.page.getByRole('dialog');
  await cancelDialog.getByRole('button', { name: 'Cancel this meeting' }).click();
  await expect(cancelDialog.getByText('Please say why, in a few words: members will see it.')).toBeVisible();
  await cancelDialog.getByLabel('Reason members will see').fill('A made-up day off.');
  await cancelDialog.getByRole('button', { name: 'Cancel this meeting' }).click();
  await expect(cancelDialog).toHaveCount(0);
  await expect(second.getByText('A made-up day off.')).toBeVisible();

  await leader.page.getByRole('button', { name: 'Choose the co-facilitator' }).click();
  const coDialog = leader.page.getByRole('dialog');
  await coDialog.getByLabel('Handle of a facilitator in this group').fill('NoSuchMadeUpPerson');
  await coDialog.getByRole('button', { name: 'Save' }).click();
  await expect(coDialog.getByText(/Nobody here is called NoSuchMadeUpPerson/).first()).toBeVisible();
  await expect(coDialog.getByLabel('Handle of a facilitator in this group')).toHaveValue('NoSuchMadeUpPerson');
  await coDialog.getByLabel('Handle of a facilitator in this group').fill(coHandle);
  await coDialog.getByRole('button', { name: 'Save' }).click();
  await expect(coDialog).toHaveCount(0);
  await expect(leader.page.getByText(`${coHandle} is now the co-facilitator, and has been told.`)).toBeVisible();

  await checkPage(leader.page, 'the meeting page after the changes');
  await co.page.goto('/notifications');
  await expect(co.page.getByRole('link', { name: new RegExp(`You are now the co-facilitator of “${title}”`) })).toBeVisible();

  // The facilitator edits the series: a bad format is explained in the dialog and what was typed stays.
  const renamed = `${title} renamed`;
  await leader.page.getByRole('button', { name: 'Edit the series' }).click();
  const editDialog = leader.page.getByRole('dialog');
  await editDialog.getByLabel('Title').fill(renamed);
  await editDialog.getByLabel(/^Format/).fill('');
  await editDialog.getByRole('button', { name: 'Save the changes' }).click();
  await expect(editDialog.getByText('Please keep between 1 and 12 steps, one a line.')).toBeVisible();
  await expect(editDialog.getByLabel('Title')).toHaveValue(renamed);
  await editDialog.getByLabel(/^Format/).fill('Gathering\nWelcome\nCheck-in\nClose');
  await editDialog.getByRole('checkbox', { name: 'Thursday' }).check();
  await checkPage(leader.page, 'the edit-series dialog');
  await editDialog.getByRole('button', { name: 'Save the changes' }).click();
  await expect(editDialog).toHaveCount(0);
  await expect(leader.page.getByText(`Saved the changes to “${renamed}”.`)).toBeVisible();
  await expect(leader.page.getByRole('heading', { level: 1, name: renamed })).toBeVisible();
  await expect(leader.page.getByText(/Tuesday and Thursday/).first()).toBeVisible();

  for (const c of [admin, leader, co, ...people]) await c.context.close();
});
