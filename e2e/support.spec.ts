import { expect, test, type Browser, type Page } from '@playwright/test';
import { TRAINING } from '../src/server/modules/listeners/listeners.training';
import { adminCredentials, callApi, checkPage, checkPhonePage, logIn, signUp, uniqueHandle, uniqueWord } from './helpers';
import { composer, message, messages, saySent as say } from './room-helpers';

const PHONE = { width: 360, height: 740 };

// Members ask for a listener on their phones, often at night: every page is checked at 360 pixels wide.
test.use({ viewport: PHONE });

async function anotherBrowser(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ baseURL, viewport: PHONE });
  return { context, page: await context.newPage() };
}

/**
 * A member becomes an on-duty listener the way the programme asks: passes the training, applies,
 * is approved by a moderator (here the first admin), and goes on duty.
 */
async function becomeListener(listener: Page, admin: Page, handle: string): Promise<void> {
  for (const module of TRAINING) {
    const answers = Object.fromEntries(module.questions.map((q) => [q.id, q.correct]));
    const result = await callApi<{ passed: boolean }>(listener, 'POST', `/api/v1/listeners/training/${module.id}/answers`, { answers });
    expect(result.status, `training ${module.id}`).toBe(200);
    expect(result.data.passed).toBe(true);
  }
  const applied = await callApi(listener, 'POST', '/api/v1/listeners/applications', {
    motivation: 'I have been helped here and would like to listen to others.',
    languages: ['en'],
    topics: ['feeling_low', 'loneliness', 'anxiety'],
  });
  expect(applied.status, 'application').toBe(201);
  const pending = await callApi<{ items: { id: string; handle: string }[] }>(admin, 'GET', '/api/v1/moderation/listener-applications');
  const application = pending.data.items.find((a) => a.handle === handle);
  expect(application, 'the application waits for review').toBeTruthy();
  const reviewed = await callApi(admin, 'POST', `/api/v1/moderation/listener-applications/${application!.id}/review`, { decision: 'approve', note: 'Welcome.' });
  expect(reviewed.status, 'review').toBe(200);
  const duty = await callApi<{ status: string }>(listener, 'PUT', '/api/v1/listeners/me/duty', { status: 'on' });
  expect(duty.status, 'on duty').toBe(200);
  expect(duty.data.status).toBe('on');
}


/** Past the chat's guidelines (read once), to the box to write in. */
async function passGuidelines(page: Page, what: string): Promise<void> {
  const gate = page.getByRole('button', { name: 'I’ve read the guidelines' });
  await expect(gate.or(composer(page))).toBeVisible();
  if (await gate.isVisible()) {
    await checkPage(page, `${what} before its guidelines are read`);
    await gate.click();
  }
  await expect(composer(page)).toBeVisible();
}

test('a member asks for a listener, a listener accepts, they talk, and the member ends the chat and says it helped', async ({ page, browser, baseURL }, testInfo) => {
  test.setTimeout(120_000);
  const word = uniqueWord('care');

  // A trained listener, on duty.
  const admin = await anotherBrowser(browser, baseURL!);
  const { handle: adminHandle, passphrase } = adminCredentials(testInfo);
  await logIn(admin.page, adminHandle, passphrase);
  const listenerHandle = uniqueHandle('listener');
  const listener = await anotherBrowser(browser, baseURL!);
  await signUp(listener.page, listenerHandle);
  await becomeListener(listener.page, admin.page, listenerHandle);
  await admin.context.close();

  // Headless Chromium shows no notifications and no tab in the background: the page gets a
  // stand-in notification surface that records what it was asked to show, the chime's notes are
  // counted as they are made, and the tab can be "put in the background".
  await listener.context.addInitScript(() => {
    const w = window as unknown as { shown: { title: string; body: string }[]; notes: number; background: boolean };
    w.shown = [];
    w.notes = 0;
    w.background = false;
    class StandInNotification {
      static permission = 'granted';
      static requestPermission = () => Promise.resolve('granted');
      onclick: (() => void) | null = null;
      constructor(title: string, options: { body: string }) {
        w.shown.push({ title, body: options.body });
      }
      close() {}
    }
    Object.defineProperty(window, 'Notification', { value: StandInNotification });
    Object.defineProperty(document, 'visibilityState', { get: () => (w.background ? 'hidden' : 'visible') });
    const make = AudioContext.prototype.createOscillator;
    AudioContext.prototype.createOscillator = function (this: AudioContext) {
      w.notes += 1;
      return make.call(this);
    };
  });
  await listener.page.goto('/listeners/queue');
  await expect(listener.page.getByRole('heading', { level: 1, name: 'Listener queue' })).toBeVisible();
  await expect(listener.page.getByText('No request is waiting for you right now.')).toBeVisible();
  // The listener asks to be told of new requests with a sound (on already) and a notification.
  await listener.page.getByText('Alerts for new requests').click();
  await expect(listener.page.getByRole('checkbox', { name: 'Play a soft sound when a member asks for me' })).toBeChecked();
  await listener.page.getByRole('checkbox', { name: 'Show a notification when Kindred is in the background' }).check();
  await checkPhonePage(listener.page, 'the listener queue, empty');
  await listener.page.evaluate(() => {
    (window as unknown as { background: boolean }).background = true;
  });

  // The member finds the service from the navigation.
  const memberHandle = uniqueHandle('asker');
  await signUp(page, memberHandle);
  await page.getByRole('link', { name: 'Talk to a listener' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Talk one-to-one with a trained listener' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Crisis lines near you' }).first()).toBeVisible();
  await checkPhonePage(page, 'the support page');

  // Nothing chosen: told kindly, nothing sent.
  await page.getByRole('button', { name: 'Ask for a listener' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Please choose at least one topic.' })).toBeVisible();
  await page.getByRole('checkbox', { name: 'Feeling low' }).check();
  await page.getByRole('checkbox', { name: 'Loneliness' }).check();
  await page.getByLabel('Language for the chat').selectOption('en');
  const note = page.getByLabel('Anything you’d like the listener to know (optional)');
  await note.fill(`It has been a long week ${word}`);
  await expect(page.getByText(`${`It has been a long week ${word}`.length} / 500`)).toBeVisible();
  await page.getByRole('button', { name: 'Ask for a listener' }).click();
  await expect(page.getByRole('heading', { name: 'You’re in the queue' })).toBeVisible();
  await expect(page.getByText(/You are number 1 in the queue\.|You are in the queue\./)).toBeVisible();
  await expect(page.getByText(/estimated wait|can’t estimate the wait yet/)).toBeVisible();
  await checkPhonePage(page, 'the support page while waiting');

  // The listener is offered the request live, with what it is about and how urgent, and accepts.
  await expect(listener.page.getByRole('heading', { name: 'A member is asking for you' })).toBeVisible();
  const offer = listener.page.locator('.support-facts');
  await expect(offer).toContainText('Feeling low, Loneliness');
  await expect(offer).toContainText('English');
  await expect(offer).toContainText('No signs of risk');
  await expect(offer).toContainText(/\d+ seconds?/);
  await checkPhonePage(listener.page, 'the listener queue with an offer');
  // It was told with a chime and a notification that names no topic, and the tab's title says so.
  const told = await listener.page.evaluate(() => {
    const w = window as unknown as { shown: { title: string; body: string }[]; notes: number };
    return { shown: w.shown, notes: w.notes };
  });
  expect(told.shown).toEqual([{ title: 'A member is asking for you', body: 'Open Kindred to accept or pass within a minute.' }]);
  expect(told.notes).toBeGreaterThan(0);
  await expect(listener.page).toHaveTitle(/^● A member is asking for you/);
  await listener.page.getByRole('button', { name: 'Accept' }).click();
  await expect(listener.page).toHaveURL(/\/chats\/[^/]+$/);
  await expect(listener.page.getByRole('heading', { level: 1, name: `Chat with ${memberHandle}` })).toBeVisible();
  await passGuidelines(listener.page, 'the chat for the listener');
  await expect(listener.page.getByRole('button', { name: 'Share crisis lines' })).toBeVisible();
  await expect(listener.page.getByRole('button', { name: 'Bring in a moderator' })).toBeVisible();
  await checkPhonePage(listener.page, 'the chat for the listener');

  // The member's page follows live: the chat is ready.
  const go = page.getByRole('link', { name: 'Go to your chat' });
  await expect(go).toBeVisible();
  await expect(page.getByText(`${listenerHandle} has accepted your request`)).toBeVisible();
  await checkPhonePage(page, 'the support page once matched');
  await go.click();
  await expect(page.getByRole('heading', { level: 1, name: `Chat with ${listenerHandle}` })).toBeVisible();
  await passGuidelines(page, 'the chat for the member');
  await expect(page.getByRole('button', { name: 'Share crisis lines' })).toHaveCount(0);
  await checkPhonePage(page, 'the chat for the member');

  // They talk.
  await say(page, `Thank you for taking this ${word}`);
  await expect(message(listener.page, `Thank you for taking this ${word}`)).toBeVisible();
  // The listener hosts the chat but has no Remove or Mute in it.
  await expect(message(listener.page, `Thank you for taking this ${word}`).getByRole('button')).toHaveCount(0);
  await say(listener.page, `I am glad you reached out ${word}. What has today been like?`);
  await expect(message(page, `I am glad you reached out ${word}`)).toBeVisible();

  // In one click each, the listener shares the crisis lines and brings in a moderator.
  await listener.page.getByRole('button', { name: 'Share crisis lines' }).click();
  await expect(listener.page.getByText('The crisis lines card is in the chat.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Messages' }).getByRole('link', { name: 'See the crisis lines' })).toBeVisible();
  await listener.page.getByRole('button', { name: 'Bring in a moderator' }).click();
  await expect(listener.page.getByText('A moderator has been asked to join.')).toBeVisible();
  await checkPage(listener.page, 'the chat after the listener shared the crisis lines');
  await checkPage(page, 'the chat with the crisis lines card');

  // Either of them can report the other; only the moderators read it.
  await page.getByRole('button', { name: 'Report' }).click();
  await page.getByRole('button', { name: 'Send report' }).click();
  await expect(page.getByText('Please say what happened.')).toBeVisible();
  await page.getByLabel('What happened?').fill('A made-up report, to check the form works.');
  await checkPage(page, 'the report form in the chat');
  await page.getByRole('button', { name: 'Send report' }).click();
  await expect(page.getByText('Thank you for telling us. A moderator will look at this chat.')).toBeVisible();

  // The member ends the chat, after being asked.
  await page.getByRole('button', { name: 'End chat' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'End this chat?' });
  await expect(confirm).toBeVisible();
  await checkPage(page, 'the end-chat dialog');
  await confirm.getByRole('button', { name: 'End chat' }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByText('This chat has ended.')).toBeVisible();
  await expect(composer(page)).toHaveCount(0);
  await expect(listener.page.getByText('This chat has ended.')).toBeVisible();
  await expect(composer(listener.page)).toHaveCount(0);
  await expect(listener.page.getByRole('button', { name: 'Share crisis lines' })).toHaveCount(0);

  // And says whether it helped.
  await expect(page.getByRole('heading', { name: 'Did this chat help?' })).toBeVisible();
  await checkPage(page, 'the feedback form');
  await page.getByRole('radio', { name: 'Somewhat' }).check();
  await page.getByLabel('A note for the listener (optional)').fill('You were patient with me. Thank you.');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByText('Thank you. What you said helps listeners')).toBeVisible();
  await checkPage(page, 'the chat after feedback');

  // The listener's queue no longer lists the chat.
  await listener.page.goto('/listeners/queue');
  await expect(listener.page.getByText('You have no open chats.')).toBeVisible();
  await listener.context.close();
});

test('a member who is not a listener is told kindly that the queue is for listeners', async ({ page }) => {
  await signUp(page, uniqueHandle('curious'));
  await page.goto('/listeners/queue');
  await expect(page.getByText('This page is for trained listeners.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Find out about becoming a listener' })).toBeVisible();
  await checkPhonePage(page, 'the listener queue for a member');
});

test('operators see how support is going in numbers only', async ({ page }, testInfo) => {
  const admin = adminCredentials(testInfo);
  await logIn(page, admin.handle, admin.passphrase);
  await page.goto('/admin/support');
  await expect(page.getByRole('heading', { level: 1, name: 'One-to-one support' })).toBeVisible();
  await expect(page.getByText('Did it help?')).toBeVisible();
  await expect(page.getByText('Chats per listener per week')).toBeVisible();
  await checkPhonePage(page, 'the support numbers for operators');
});
