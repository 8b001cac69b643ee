import fs from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { adminCredentials, checkPage, checkPhonePage, expectAccessible, logIn, PASSPHRASE, readGroupRules, signUp, uniqueHandle, watchThirdParty } from './helpers';

const GROUP = 'depression-support';
const PHONE = { width: 360, height: 740 };

// Members reach for help on their phones: every safety screen is checked at 360 pixels wide.
test.use({ viewport: PHONE });

// Made-up words of the kind the risk engine is built for (see the engine's evaluation set).
const IDEATION = "I keep thinking I want to die and I don't see the point anymore";
const IMMINENT = "This is goodbye. I'm going to end it tonight. Thank you all for everything.";
const WORRIED = "I'm worried about my friend, she told me last night that she wants to kill herself";
const PUSHY_REPLY = 'It gets better, just think positive! DM me on insta and we can talk there';

/** What the card must show for a country, read from the reviewed data file the server serves. */
interface CountryHelp {
  name: string;
  emergency: string[];
  lineName: string;
  tel: string;
  sms: string | null;
}

function countryHelp(code: string): CountryHelp {
  type Line = { name: string; phones: { dial: string }[]; texts: { number: string; body?: string }[] };
  type Country = { name: string; emergency: { number: string }[]; lines: Line[] };
  const file = JSON.parse(fs.readFileSync('src/server/modules/safety/crisis-lines.json', 'utf8')) as { countries: Record<string, Country> };
  const country = file.countries[code]!;
  const called = country.lines.find((l) => l.phones.length > 0)!;
  const texted = country.lines.flatMap((l) => l.texts)[0];
  return {
    name: country.name,
    emergency: country.emergency.map((e) => e.number),
    lineName: called.name,
    tel: `tel:${called.phones[0]!.dial}`,
    sms: texted ? `sms:${texted.number}${texted.body ? `?body=${encodeURIComponent(texted.body)}` : ''}` : null,
  };
}

const UK = countryHelp('GB');

/** The member's country, as they would set it: in Settings. Crisis lines follow it. */
async function setCountry(page: Page, name: string): Promise<void> {
  await page.goto('/settings');
  await page.getByLabel('Country').selectOption({ label: name });
  await page.getByRole('button', { name: 'Save changes' }).first().click();
  await expect(page.getByText('Your changes are saved.')).toBeVisible();
}

/** The phone checks, on the page as it shows from its top (after a flow that scrolled it). */
async function phoneCheck(page: Page, what: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await checkPhonePage(page, what);
}

async function joinGroup(page: Page, slug = GROUP): Promise<void> {
  await page.goto(`/groups/${slug}`);
  await page.getByRole('button', { name: 'Join group' }).click();
  await expect(page.getByRole('button', { name: 'Leave group' })).toBeVisible();
  await readGroupRules(page, slug);
}

/** Writes a post and publishes it; resolves once the post's page has its heading. */
async function publish(page: Page, title: string, body: string, warning?: string): Promise<string> {
  await page.goto(`/groups/${GROUP}/new`);
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Your post', { exact: true }).fill(body);
  if (warning) await page.getByLabel('Content warning').selectOption({ label: warning });
  await page.getByRole('button', { name: 'Publish post' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  return new URL(page.url()).pathname;
}

async function member(browser: Browser, baseURL: string, prefix: string) {
  const context = await browser.newContext({ baseURL, viewport: PHONE });
  const page = await context.newPage();
  const handle = uniqueHandle(prefix);
  await signUp(page, handle);
  return { context, page, handle };
}

/** The crisis card, with the lines of the member's country: call, text, and the emergency number. */
async function expectCrisisCard(page: Page, what: string) {
  const card = page.getByRole('dialog', { name: "You don't have to carry this alone" });
  await expect(card).toBeVisible();
  await expect(card.getByText(UK.lineName).first()).toBeVisible();
  await expect(card.locator(`a[href="${UK.tel}"]`).first()).toBeVisible();
  if (UK.sms) await expect(card.locator(`a[href="${UK.sms}"]`).first()).toBeVisible();
  for (const number of UK.emergency) await expect(card.locator(`a[href="tel:${number}"]`)).toBeVisible();
  await expect(card.getByRole('link', { name: 'Open my safety plan' })).toHaveAttribute('href', '/safety-plan');
  await expect(card.getByRole('link', { name: 'Talk to a listener now' })).toHaveAttribute('href', '/help');
  await expectAccessible(page, what);
  return card;
}

test('a member who writes that they want to die is offered help while writing, sees their country’s lines, and keeps a safety plan', async ({ page, baseURL }) => {
  const foreign = watchThirdParty(page, baseURL!);
  const title = `Tonight is heavy ${Math.floor(Math.random() * 1e6)}`;
  await signUp(page, uniqueHandle('StillHarbor'));
  await setCountry(page, UK.name);
  await joinGroup(page);

  // While drafting: a gentle note, announced politely, that never stops the post.
  await page.goto(`/groups/${GROUP}/new`);
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Your post', { exact: true }).fill(IDEATION);
  const note = page.locator('.draft-safety[role="status"]');
  await expect(note).toContainText("It sounds like you're carrying a lot");
  await expect(note.getByRole('link', { name: 'My safety plan' })).toHaveAttribute('href', '/safety-plan');
  await expect(page.getByRole('button', { name: 'Publish post' })).toBeEnabled();
  await phoneCheck(page, 'the composer with the draft note');

  // Published, with a content warning for readers; the card comes first, and Escape hands focus back.
  await page.getByRole('button', { name: 'Publish post' }).click();
  const card = await expectCrisisCard(page, 'the crisis card after a post');
  await page.keyboard.press('Escape');
  await expect(card).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeFocused();
  await expect(page.getByText('We added a content warning (Suicide)')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Show post' })).toBeVisible();
  await phoneCheck(page, 'a post after the crisis card');

  // A reply in the same words brings the card again; from it, one tap to the safety plan.
  await page.getByLabel('Write a reply', { exact: true }).fill(`Still here. ${IDEATION}`);
  await page.locator('.reply-box').getByRole('button', { name: 'Post reply' }).click();
  await expectCrisisCard(page, 'the crisis card after a reply');
  await page.getByRole('dialog').getByRole('link', { name: 'Open my safety plan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My safety plan' })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // The plan: seven labelled parts in the member's own words; saved, and there after a reload.
  const plan = {
    'Step 1: My warning signs': 'Not sleeping, skipping meals, pulling away from people.',
    'Step 2: Things I can do on my own': 'A walk round the block, the rain playlist, a warm shower.',
    'Step 4: People I can ask for help': 'My sister, in the evening.',
    'What matters most to me and is worth living for': 'My cat Pebble, and the trip in spring.',
  };
  for (const [label, text] of Object.entries(plan)) await page.getByLabel(label, { exact: true }).fill(text);
  await expect(page.getByText("You have changes that aren't saved yet.")).toBeVisible();
  await phoneCheck(page, 'the safety plan while writing');
  await page.getByRole('button', { name: 'Save my plan' }).click();
  await expect(page.getByText('Your plan is saved.')).toBeVisible();
  await page.reload();
  for (const [label, text] of Object.entries(plan)) await expect(page.getByLabel(label, { exact: true })).toHaveValue(text);
  await expect(page.getByText(/^Last saved/)).toBeVisible();
  await expect(page.getByText('Draft restored')).toHaveCount(0);
  await phoneCheck(page, 'the saved safety plan');

  // On paper: only the plan, with the member's crisis line.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.getByLabel('Step 1: My warning signs')).toBeHidden();
  await expect(page.locator('.plan-print')).toBeVisible();
  await expect(page.locator('.plan-print')).toContainText(plan['Step 1: My warning signs']);
  await expect(page.locator('.plan-print')).toContainText(UK.lineName);
  await page.emulateMedia({ media: 'screen' });

  // An unsaved change is kept on this device through a reload, and can be saved later.
  await page.getByLabel('Step 3: People and places that take my mind off things', { exact: true }).fill('The library on Saturdays.');
  await page.waitForTimeout(600); // Longer than a draft waits to be kept.
  await page.reload();
  await expect(page.getByText('Draft restored')).toBeVisible();
  await expect(page.getByLabel('Step 3: People and places that take my mind off things', { exact: true })).toHaveValue('The library on Saturdays.');

  // The account menu leads to it too.
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My safety plan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My safety plan' })).toBeVisible();

  expect(foreign, 'requests to other sites').toEqual([]);
});

test('danger right now brings the crisis screen first; a moderator sees the urgent alert, reads it when ready, acknowledges and resolves it', async ({ page, browser, baseURL }, testInfo) => {
  const title = `Goodbye ${Math.floor(Math.random() * 1e6)}`;
  await signUp(page, uniqueHandle('FadingLamp'));
  await setCountry(page, UK.name);
  await joinGroup(page);
  await page.goto(`/groups/${GROUP}/new`);
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Your post', { exact: true }).fill(IMMINENT);
  await page.getByRole('button', { name: 'Publish post' }).click();

  const screen = page.getByRole('dialog', { name: 'You matter. Help is here right now.' });
  await expect(screen).toBeVisible();
  for (const number of UK.emergency) await expect(screen.locator(`a[href="tel:${number}"]`)).toBeVisible();
  await expect(screen.locator(`a[href="${UK.tel}"]`).first()).toBeVisible();
  await expect(screen.getByRole('link', { name: 'Open my safety plan' })).toBeVisible();
  await expect(screen.getByRole('link', { name: 'Talk to a listener now' })).toBeVisible();
  await expectAccessible(page, 'the crisis screen');
  // The screen covers the whole page.
  const covers = await page.locator('.crisis-screen-overlay').boundingBox();
  expect(covers).toMatchObject({ x: 0, y: 0, width: PHONE.width, height: PHONE.height });
  await screen.getByRole('button', { name: "I'm safe right now — continue" }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeFocused();
  await phoneCheck(page, 'the post after the crisis screen');

  // Alerts are for moderators only.
  await page.goto('/moderation/alerts');
  await expect(page.getByRole('heading', { level: 1, name: 'This page is for moderators' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Risk alerts' })).toHaveCount(0);

  const admin = adminCredentials(testInfo);
  const context = await browser.newContext({ baseURL: baseURL!, viewport: PHONE });
  const mod = await context.newPage();
  const foreign = watchThirdParty(mod, baseURL!);
  await logIn(mod, admin.handle, admin.passphrase);
  // Wherever a moderator is, the menu says how many alerts are open and how many are urgent.
  await mod.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Risk alerts \(\d+ open, [1-9]\d* urgent\)$/ }).click();
  await expect(mod.getByRole('heading', { level: 1, name: 'Risk alerts' })).toBeVisible();
  await expect(mod.getByText('Urgent, not yet acknowledged')).toBeVisible();

  const alert = mod.locator('.alert-card').filter({ has: mod.getByRole('link', { name: title }) });
  await expect(alert).toBeVisible();
  await expect(alert.getByText('Urgent', { exact: true })).toBeVisible();
  await expect(alert.getByRole('heading', { name: /Danger right now/ })).toBeVisible();
  // Blurred, and out of the screen reader's way, until the moderator chooses to read it.
  await expect(alert.locator('.alert-text--blurred')).toHaveAttribute('aria-hidden', 'true');
  await expect(alert.locator('mark')).toHaveCount(0);
  await phoneCheck(mod, 'the alerts view');
  await alert.getByRole('button', { name: 'Show the words' }).click();
  await expect(alert.locator('.alert-text')).toContainText("I'm going to end it tonight");
  await expect(alert.locator('.alert-text mark').first()).toBeVisible();
  await expect(alert.getByText('What the risk check noticed:')).toBeVisible();
  await expectAccessible(mod, 'the alerts view with the words shown');

  await alert.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(alert.getByText('Acknowledged. The other moderators can see you')).toBeVisible();
  await expect(alert.getByRole('button', { name: 'Acknowledge' })).toHaveCount(0);
  await expect(alert.locator('dt', { hasText: 'Acknowledged' })).toBeVisible();

  // Resolving needs a note: a kind word if it is missing, then it moves to Resolved.
  await alert.getByRole('button', { name: 'Resolve alert' }).click();
  await expect(alert.getByText('Please write a short note on what was done.').first()).toBeVisible();
  await expect(alert.getByLabel('What was done')).toBeFocused();
  await alert.getByLabel('What was done').fill('Replied in the thread and shared the Samaritans number; they answered that they called.');
  await alert.getByRole('button', { name: 'Resolve alert' }).click();
  await expect(mod.getByText("Alert resolved. You'll find it under Resolved.")).toBeVisible();
  await expect(mod.locator('.alert-card').filter({ has: mod.getByRole('link', { name: title }) })).toHaveCount(0);
  await mod.getByRole('navigation', { name: 'Alert lists' }).getByRole('link', { name: 'Resolved' }).click();
  const resolved = mod.locator('.alert-card').filter({ has: mod.getByRole('link', { name: title }) });
  await expect(resolved).toContainText('they answered that they called');
  await expect(mod.getByText('Typical time to acknowledge')).toBeVisible();
  await expect(mod.getByText('No alerts acknowledged in the last 30 days')).toHaveCount(0);
  await phoneCheck(mod, 'resolved alerts');

  expect(foreign, 'requests to other sites').toEqual([]);
  await context.close();
});

test('replying with care: the note above the box, a nudge while drafting, helping someone else, and replies behind "Show reply"', async ({ page, browser, baseURL }) => {
  const title = `Some nights are long ${Math.floor(Math.random() * 1e6)}`;
  await signUp(page, uniqueHandle('QuietFern'));
  await setCountry(page, UK.name);
  await joinGroup(page);
  const postPath = await publish(page, title, 'I wanted to write down how the last week has been.', 'Suicide');

  const reader = await member(browser, baseURL!, 'SteadyWillow');
  const r = reader.page;
  await setCountry(r, UK.name);
  await joinGroup(r);
  await r.goto(postPath);
  await expect(r.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const care = r.getByRole('complementary', { name: 'How to reply with care' });
  await expect(care).toBeVisible();
  await expect(care).toContainText('Keep support here in the open');

  // A reply that pushes positivity and private contact: a gentle word while drafting, never a block.
  await r.getByLabel('Write a reply', { exact: true }).fill(PUSHY_REPLY);
  const note = r.locator('.reply-box .draft-safety[role="status"]');
  await expect(note).toContainText('A thought before you send');
  await checkPage(r, 'a reply box with a reply-care nudge');
  await r.locator('.reply-box').getByRole('button', { name: 'Post reply' }).click();
  await expect(r.locator('.reply').filter({ hasText: 'just think positive' })).toBeVisible();
  await expect(r.getByText('A thought for next time')).toBeVisible();

  // A reply that sounds like a crisis: the card, and Escape brings focus back to the reply.
  await r.getByLabel('Write a reply', { exact: true }).fill(`Me too, honestly. ${IDEATION}`);
  await r.locator('.reply-box').getByRole('button', { name: 'Post reply' }).click();
  const card = await expectCrisisCard(r, 'the crisis card after a reply');
  await r.keyboard.press('Escape');
  await expect(card).toHaveCount(0);
  const crisisReply = r.locator('.reply-card').filter({ has: r.getByRole('button', { name: 'Show reply' }) }).first();
  await expect(crisisReply).toBeFocused();

  // Readers see that reply behind its warning until they choose to read it.
  await page.goto(postPath);
  const gated = page.locator('.reply').filter({ hasText: 'This reply has a content warning' });
  await expect(gated).toHaveCount(1);
  await expect(gated).toContainText('This reply has a content warning: Suicide');
  await expect(gated).not.toContainText("don't see the point");
  await phoneCheck(page, 'a reply behind its content warning');
  await gated.getByRole('button', { name: 'Show reply' }).click();
  await expect(gated).toContainText("don't see the point");
  await expect(gated.getByRole('button', { name: 'Hide reply' })).toHaveAttribute('aria-expanded', 'true');

  // An edit is looked at again: words changed to a crisis bring the card, like a new post.
  await page.getByRole('link', { name: 'Edit post' }).click();
  await page.getByLabel('Your post', { exact: true }).fill(`I wanted to write down how the last week has been. ${IDEATION}`);
  await page.getByRole('button', { name: 'Save changes' }).click();
  const edited = page.getByRole('dialog', { name: "You don't have to carry this alone" });
  await expect(edited).toBeVisible();
  await edited.getByRole('button', { name: 'Close' }).click();
  await expect(edited).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeFocused();
  await expect(page.getByText('Your changes are saved.')).toBeVisible();

  // Worried about someone else: how to help them, and the lines where the writer is.
  await r.goto(`/groups/${GROUP}/new`);
  await r.getByLabel('Title', { exact: true }).fill(`Worried about a friend ${Math.floor(Math.random() * 1e6)}`);
  await r.getByLabel('Your post', { exact: true }).fill(WORRIED);
  await expect(r.locator('.draft-safety[role="status"]')).toContainText("It sounds like you're worried about someone");
  await r.getByRole('button', { name: 'Publish post' }).click();
  const helping = r.getByRole('dialog', { name: 'How to help someone who is struggling' });
  await expect(helping).toBeVisible();
  await expect(helping).toContainText('Ask directly.');
  await expect(helping.locator(`a[href="${UK.tel}"]`).first()).toBeVisible();
  await expectAccessible(r, 'the helping-someone card');
  await helping.getByRole('button', { name: 'Close' }).click();
  await expect(helping).toHaveCount(0);
  await expect(r.getByRole('heading', { level: 1 })).toBeFocused();
  await reader.context.close();
});

test('a visitor can fill in and print a safety plan without an account, from Get help now', async ({ page, baseURL }) => {
  const foreign = watchThirdParty(page, baseURL!);
  await page.goto('/help');
  await page.getByRole('link', { name: 'Open my safety plan' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My safety plan' })).toBeVisible();
  await expect(page.getByText("It isn't saved: when you leave this page, it's gone.")).toBeVisible();
  await expect(page.getByRole('link', { name: 'Sign up to keep it' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save my plan' })).toHaveCount(0);
  await page.getByLabel('Step 1: My warning signs', { exact: true }).fill('Staying in bed all day.');
  await phoneCheck(page, 'the safety plan for a visitor');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.plan-print')).toContainText('Staying in bed all day.');
  await expect(page.getByText('Sign up to keep it')).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  // Nothing of a visitor's plan is kept in the browser.
  expect(await page.evaluate(() => Object.keys(window.localStorage).filter((k) => k.startsWith('kindred:draft:')))).toEqual([]);

  // The Get help page explains how to help someone else, and a draft note's link lands there.
  await page.goto('/help#helping-someone');
  await expect(page.locator('#helping-someone')).toBeFocused();
  await expect(page.getByRole('heading', { level: 2, name: 'How to help someone who is struggling' })).toBeVisible();
  await phoneCheck(page, 'Get help now');
  expect(foreign, 'requests to other sites').toEqual([]);
});

test.describe('in Spanish', () => {
  test.use({ locale: 'es-MX' });

  test('the safety plan speaks Spanish and passes axe', async ({ page }) => {
    await page.goto('/safety-plan');
    await expect(page.getByRole('heading', { level: 1, name: 'Mi plan de seguridad' })).toBeVisible();
    await expect(page.getByLabel('Paso 1: Mis señales de alerta', { exact: true })).toBeVisible();
    await expectAccessible(page, 'the safety plan in Spanish');
  });
});

test('a member downloads everything they wrote, then deletes their account', async ({ page, browser, baseURL }) => {
  const handle = uniqueHandle('LeavingHeron');
  const title = `Thank you all ${Math.floor(Math.random() * 1e6)}`;
  await signUp(page, handle);
  await joinGroup(page);
  const postPath = await publish(page, title, 'This group helped me through the winter.');
  await page.goto('/safety-plan');
  await page.getByLabel('Step 2: Things I can do on my own', { exact: true }).fill('Bake bread on Sunday mornings.');
  await page.getByRole('button', { name: 'Save my plan' }).click();
  await expect(page.getByText('Your plan is saved.')).toBeVisible();

  await page.goto('/settings');
  await phoneCheck(page, 'settings with data and deletion');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download my data' }).click()]);
  const exported = fs.readFileSync((await download.path())!, 'utf8');
  expect(download.suggestedFilename()).toMatch(/\.json$/);
  expect(exported).toContain(title);
  expect(exported).toContain('Bake bread on Sunday mornings.');
  expect(exported).toContain(handle);
  await expect(page.getByText('Downloaded.')).toBeVisible();

  // What deleting means is said plainly; the passphrase confirms it.
  await expect(page.getByText('Your posts and replies are replaced by "[deleted]"')).toBeVisible();
  await page.getByRole('button', { name: 'Delete my account…' }).click();
  const passphrase = page.getByLabel('Passphrase', { exact: true });
  await expect(passphrase).toBeFocused();
  await passphrase.fill('not my passphrase at all');
  await page.getByRole('button', { name: 'Delete my account for good' }).click();
  await expect(passphrase).toHaveAttribute('aria-invalid', 'true');
  await expect(passphrase).toHaveValue('not my passphrase at all');
  await checkPage(page, 'account deletion with a wrong passphrase');
  await passphrase.fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Delete my account for good' }).click();
  await expect(page.getByText('Your account is deleted.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Log in' }).first()).toBeVisible();
  await expect(page).toHaveURL(/\/$/);

  // Gone: the handle no longer logs in, and the post stays as "[deleted]" by a former member.
  await page.goto('/login');
  await page.getByLabel('Handle').fill(handle);
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /match/ })).toBeVisible();
  const other = await member(browser, baseURL!, 'KindMaple');
  await other.page.goto(postPath);
  await expect(other.page.locator('.post')).toContainText('[deleted]');
  await expect(other.page.locator('.post-meta')).toContainText('A former member');
  await expect(other.page.getByText(handle)).toHaveCount(0);
  await other.context.close();
});
