import { expect, test, type Browser, type Page } from '@playwright/test';
import { FACILITATOR_TRAINING } from '../src/server/modules/facilitators/facilitators.training';
import { adminCredentials, callApi, checkPage, checkPhonePage, logIn, signUp, uniqueHandle, uniqueWord, vouchFor } from './helpers';
import { GROUP, joinGroup } from './group-helpers';
import { message, messages, say, saySent } from './room-helpers';

const PHONE = { width: 360, height: 740 };

// Members come to meetings on their phones: every page is checked at 360 pixels wide.
test.use({ viewport: PHONE });

async function anotherBrowser(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ baseURL, viewport: PHONE });
  return { context, page: await context.newPage() };
}

/** Back to the top of the page, where a page first shows (the phone checks look there for Get help now). */
async function atTop(page: Page): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** The admin grants the facilitator role (the member passes the training first, through the API). */
async function becomeFacilitator(facilitator: Page, admin: Page, handle: string): Promise<void> {
  const found = await callApi<{ items: { id: string; handle: string }[] }>(admin, 'GET', `/api/v1/admin/members?q=${encodeURIComponent(handle.toLowerCase())}`);
  const member = found.data.items.find((m) => m.handle === handle);
  expect(member, `${handle} is listed for the admin`).toBeTruthy();
  for (const module of FACILITATOR_TRAINING) {
    const answers = Object.fromEntries(module.questions.map((q) => [q.id, q.correct]));
    expect((await callApi(facilitator, 'POST', `/api/v1/facilitators/training/${module.id}/answers`, { answers })).status, `training ${module.id}`).toBe(200);
  }
  expect((await callApi(admin, 'PUT', `/api/v1/admin/members/${member!.id}/roles`, { roles: ['facilitator'] })).status, 'granting the role').toBe(200);
}

test('a facilitator runs a meeting: the member raises a hand, gets the floor and speaks; at the end the messages are gone and the member answers the question', async ({ browser, baseURL }, testInfo) => {
  test.setTimeout(150_000);
  const admin = await anotherBrowser(browser, baseURL!);
  const credentials = adminCredentials(testInfo);
  await logIn(admin.page, credentials.handle, credentials.passphrase);

  const facilitatorHandle = uniqueHandle('SteadyHeron');
  const facilitator = await anotherBrowser(browser, baseURL!);
  await signUp(facilitator.page, facilitatorHandle);
  await joinGroup(facilitator.page, GROUP);
  await becomeFacilitator(facilitator.page, admin.page, facilitatorHandle);

  // Scheduled (through the API) a few minutes from now, so the room is open: it opens ten minutes before.
  const start = new Date(Math.ceil((Date.now() + 3 * 60_000) / 60_000) * 60_000).toISOString();
  const date = start.slice(0, 10);
  const title = `Made-up evening circle ${uniqueWord('room')}`;
  const made = await callApi<{ meeting: { id: string } }>(facilitator.page, 'POST', `/api/v1/groups/${GROUP}/meetings`, {
    title,
    startDate: date,
    startTime: start.slice(11, 16),
    timeZone: 'UTC',
    durationMinutes: 60,
    recurrence: { kind: 'once' },
  });
  expect(made.status, 'scheduling').toBe(201);
  const room = `/meetings/${made.data.meeting.id}/${date}/room`;

  // A member who joined the group RSVPs (through the API).
  const memberHandle = uniqueHandle('GentleLark');
  const member = await anotherBrowser(browser, baseURL!);
  await signUp(member.page, memberHandle);
  await joinGroup(member.page, GROUP);
  await vouchFor(admin.page, memberHandle);
  await vouchFor(admin.page, facilitatorHandle);
  const rsvp = await callApi(member.page, 'POST', `/api/v1/meetings/${made.data.meeting.id}/occurrences/${date}/rsvp`, {});
  expect(rsvp.status, 'RSVP').toBeLessThan(300);

  // The room opens for both: the lobby, the notice that what is said stays here, the guidelines.
  await facilitator.page.goto(room);
  await expect(facilitator.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(facilitator.page.getByRole('button', { name: 'Start the meeting' })).toBeVisible();
  await member.page.goto(room);
  await expect(member.page.getByRole('heading', { level: 2, name: 'Welcome — you are in the lobby' })).toBeVisible();
  await expect(member.page.getByText('the messages of this meeting are deleted when it ends')).toBeVisible();
  await checkPhonePage(member.page, 'the lobby');
  await member.page.getByRole('button', { name: 'I’ve read the guidelines' }).click();
  await expect(member.page.getByText('The chat opens when the facilitator starts the meeting.')).toBeVisible();

  // The facilitator starts: the first step is marked for everyone.
  await facilitator.page.getByRole('button', { name: 'Start the meeting' }).click();
  await expect(member.page.locator('.meeting-agenda li[aria-current="step"]')).toHaveText(/Gathering/);

  // The member raises a hand, by keyboard; the facilitator gives the floor from the list.
  const raise = member.page.getByRole('button', { name: 'Raise my hand to share' });
  await raise.focus();
  await member.page.keyboard.press('Enter');
  await expect(member.page.getByRole('button', { name: 'Lower my hand' })).toBeVisible();
  await facilitator.page.getByRole('button', { name: `Give ${memberHandle} the floor` }).click();
  await expect(member.page.getByText('You have the floor: share when you are ready.')).toBeVisible();
  await expect(facilitator.page.locator('.meeting-speaker')).toContainText(`${memberHandle} has the floor`);

  // The member speaks; the facilitator hears it live.
  const words = `My made-up share ${uniqueWord('w')}`;
  await saySent(member.page, words);
  await expect(message(facilitator.page, words)).toBeVisible();

  // Something worrying: the facilitator is told at once, in the room, and hands the member to a listener from there.
  await say(member.page, `I keep thinking I want to die and I don't see the point anymore ${uniqueWord('r')}`);
  const dialog = member.page.getByRole('dialog');
  if (await dialog.isVisible().catch(() => false)) await member.page.keyboard.press('Escape');
  const alert = facilitator.page.locator('.meeting-risk');
  await expect(alert.getByText(`Something ${memberHandle} wrote suggests`)).toBeVisible();
  await checkPage(facilitator.page, 'the live room with a risk alert for the facilitator');
  await alert.getByRole('button', { name: `Hand ${memberHandle} to a listener` }).click();
  await expect(alert.getByText(`${memberHandle} has been offered a listener, ahead of the queue.`)).toBeVisible();
  await expect(member.page.getByText('The facilitator has asked a listener to be with you.')).toBeVisible();

  await atTop(member.page);
  await checkPhonePage(member.page, 'the live room');
  await checkPage(facilitator.page, 'the live room with the facilitator tools');

  // The facilitator ends the meeting, after "are you sure?".
  await facilitator.page.getByRole('button', { name: 'End the meeting' }).click();
  await facilitator.page.getByRole('alertdialog').getByRole('button', { name: 'End the meeting' }).click();
  await expect(member.page.getByRole('heading', { level: 2, name: 'The meeting has ended' })).toBeVisible();
  await expect(facilitator.page.getByText('1 member came.')).toBeVisible();

  // The messages are gone: reopening the room shows none, and the API has none.
  await member.page.reload();
  await expect(member.page.getByRole('heading', { level: 2, name: 'The meeting has ended' })).toBeVisible();
  await expect(member.page.getByText(words)).toHaveCount(0);
  await expect(messages(member.page)).toHaveCount(0);
  const view = await callApi<{ live: { conversationId: string } }>(member.page, 'GET', `/api/v1/meetings/${made.data.meeting.id}/occurrences/${date}/room`);
  const after = await callApi(facilitator.page, 'GET', `/api/v1/conversations/${view.data.live.conversationId}/messages`);
  expect(JSON.stringify(after.data)).not.toContain(words);

  // The one question.
  await member.page.getByRole('radio', { name: 'Somewhat' }).check();
  await member.page.getByRole('button', { name: 'Send my answer' }).click();
  await expect(member.page.getByText('Thank you for answering.')).toBeVisible();
  await atTop(member.page);
  await checkPhonePage(member.page, 'the ended screen');

  await Promise.all([admin.context.close(), facilitator.context.close(), member.context.close()]);
});
