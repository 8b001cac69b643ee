import { expect, test, type Page } from '@playwright/test';
import { adminCredentials, expectAccessible, expectNoSideways, logIn, openSignUp, PASSPHRASE, signUp, uniqueHandle, watchThirdParty } from './helpers';

const NEW_PASSPHRASE = 'copper kettle morning';
const CODE = /[0-9A-Z]{4}(?:-[0-9A-Z]{4}){4}/;

async function logOut(page: Page) {
  await page.getByRole('button', { name: 'Log out' }).first().click();
  await expect(page.getByRole('link', { name: 'Log in' }).first()).toBeVisible();
}

async function keepRecoveryCode(page: Page): Promise<string> {
  await expect(page.getByRole('heading', { level: 1, name: 'Save your recovery code' })).toBeVisible();
  const code = (await page.getByText(CODE).first().textContent())!.match(CODE)![0];
  await expectAccessible(page, 'the recovery-code step');
  const continueButton = page.getByRole('button', { name: 'Continue' });
  await expect(continueButton).toBeDisabled();

  await page.getByRole('button', { name: 'Copy code' }).click();
  await expect(page.getByText('Copied')).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download code' }).click()]);
  const saved = await download.path();
  const fs = await import('node:fs');
  expect(fs.readFileSync(saved, 'utf8')).toContain(code);

  await page.getByRole('checkbox', { name: 'I have saved my recovery code somewhere safe' }).check();
  await continueButton.click();
  return code;
}

test('a member signs up, keeps the recovery code, logs in, joins a group, finds help and recovers the account', async ({ page, baseURL }) => {
  const foreign = watchThirdParty(page, baseURL!);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL! });
  const handle = uniqueHandle('QuietHeron');

  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Get help now' })).toBeVisible();
  await expectAccessible(page, 'the home page');

  // Sign up: a handle and a passphrase, nothing else.
  await openSignUp(page);
  await expectAccessible(page, 'the sign-up page');
  await page.getByLabel('Handle').fill(handle);
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Country').selectOption({ label: 'Ireland' });
  await page.getByRole('checkbox', { name: 'I accept the community guidelines' }).check();
  await page.getByRole('button', { name: 'Create my account' }).click();

  const firstCode = await keepRecoveryCode(page);

  // Log out, then log in again.
  await logOut(page);
  await page.goto('/login');
  await expectAccessible(page, 'the log-in page');
  await page.getByLabel('Handle').fill(handle);
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('button', { name: 'Log out' }).first()).toBeVisible();

  // Join a group.
  await page.goto('/groups');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(page, 'the group list');
  await page.getByRole('link', { name: 'Hope & recovery' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Hope & recovery' })).toBeVisible();
  await expectAccessible(page, 'a group page');
  await page.getByRole('button', { name: 'Join group' }).click();
  await expect(page.getByRole('button', { name: 'Leave group' })).toBeVisible();
  await expectAccessible(page, 'a group page after joining');

  // Get help now: the crisis lines of the member's country, and of another one they pick.
  await page.getByRole('link', { name: 'Get help now' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Get help now' })).toBeVisible();
  await expect(page.getByText('Samaritans').first()).toBeVisible();
  await expect(page.locator('a[href="tel:116123"]').first()).toBeVisible();
  await expect(page.locator('a[href="tel:112"]').first()).toBeVisible();
  await expectAccessible(page, 'Get help now (Ireland)');
  await page.getByLabel('Country').selectOption({ label: 'United Kingdom' });
  await expect(page.locator('a[href="sms:85258"]').first()).toBeVisible();
  await expect(page.locator('a[href="tel:999"]').first()).toBeVisible();
  await expect(page.getByRole('link', { name: /Find A Helpline/ })).toHaveAttribute('href', 'https://findahelpline.com');
  await expectAccessible(page, 'Get help now (United Kingdom)');

  // Forgot the passphrase: recover with the code, and keep the new one.
  await logOut(page);
  await page.goto('/login');
  await page.getByRole('link', { name: /recovery code/i }).click();
  await expect(page).toHaveURL(/\/recover$/);
  await expectAccessible(page, 'the recovery page');
  await page.getByLabel('Handle').fill(handle);
  await page.getByLabel('Recovery code').fill(firstCode.toLowerCase());
  await page.getByLabel('New passphrase').fill(NEW_PASSPHRASE);
  await page.getByRole('button', { name: 'Reset my passphrase' }).click();
  const secondCode = await keepRecoveryCode(page);
  expect(secondCode).not.toBe(firstCode);
  await expect(page.getByRole('button', { name: 'Log out' }).first()).toBeVisible();

  await logOut(page);
  await logIn(page, handle, NEW_PASSPHRASE);

  expect(foreign, 'requests to other sites').toEqual([]);
});

test('a mistake is explained next to the field, and nothing typed is lost', async ({ page }) => {
  await openSignUp(page);
  const handle = uniqueHandle('BraveFinch');
  await page.getByLabel('Handle').fill(handle);
  await page.getByLabel('Passphrase', { exact: true }).fill('password123');
  await page.getByRole('checkbox', { name: 'I accept the community guidelines' }).check();
  await page.getByRole('button', { name: 'Create my account' }).click();
  const passphrase = page.getByLabel('Passphrase', { exact: true });
  await expect(passphrase).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText(/too easy to guess/).first()).toBeVisible();
  await expect(page.getByLabel('Handle')).toHaveValue(handle);
  await expect(passphrase).toHaveValue('password123');
  await expectAccessible(page, 'the sign-up page with an error');

  await page.goto('/login');
  await page.getByLabel('Handle').fill(handle);
  await page.getByLabel('Passphrase', { exact: true }).fill('not the passphrase');
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: "don't match" })).toBeVisible();
  await expect(page.getByLabel('Handle')).toHaveValue(handle);
});

test('works with the keyboard alone: skip link, Get help now, and sign-up', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();

  // Get help now is reachable from the top of every page.
  await page.goto('/groups');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  let reached = false;
  for (let i = 0; i < 10 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.getByRole('link', { name: 'Get help now' }).first().evaluate((el) => el === document.activeElement);
  }
  expect(reached).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Get help now' })).toBeVisible();

  // Sign up without a mouse.
  await openSignUp(page);
  await page.getByLabel('Handle').focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(uniqueHandle('SteadyOwl'));
  await page.getByLabel('Passphrase', { exact: true }).focus();
  await page.keyboard.type(PASSPHRASE);
  await page.getByRole('checkbox', { name: 'I accept the community guidelines' }).focus();
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Create my account' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Save your recovery code' })).toBeVisible();
  await page.getByRole('checkbox', { name: 'I have saved my recovery code somewhere safe' }).focus();
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Continue' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Log out' }).first()).toBeVisible();
});

test.describe('on a 360-pixel-wide phone', () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test('every page fits, with Get help now in view, and passes axe', async ({ page }) => {
    for (const path of ['/', '/signup', '/login', '/recover', '/groups', '/groups/depression-support', '/help?country=US', '/guidelines', '/no-such-page']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('link', { name: 'Get help now' }).first()).toBeInViewport();
      await expectNoSideways(page, path);
      await expectAccessible(page, `${path} at 360px`);
    }
  });
});

test('an admin changes roles and manages groups', async ({ page }, testInfo) => {
  const admin = adminCredentials(testInfo);
  const member = uniqueHandle('PatientOwl');
  // A member to promote.
  await signUp(page, member);
  await logOut(page);
  await logIn(page, admin.handle, admin.passphrase);

  await page.goto('/admin/members');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(page, 'the admin member list');
  await page.getByRole('searchbox').or(page.getByLabel(/search/i)).first().fill(member.toLowerCase());
  const row = page.getByRole('listitem').filter({ hasText: member }).or(page.getByRole('row').filter({ hasText: member })).first();
  await expect(row).toBeVisible();
  await row.getByRole('checkbox', { name: /listener/i }).check();
  await row.getByRole('button', { name: /save roles/i }).click();
  await expect(row.getByText(/saved/i)).toBeVisible();
  await page.reload();
  await page.getByRole('searchbox').or(page.getByLabel(/search/i)).first().fill(member.toLowerCase());
  const reloaded = page.getByRole('listitem').filter({ hasText: member }).or(page.getByRole('row').filter({ hasText: member })).first();
  await expect(reloaded.getByRole('checkbox', { name: /listener/i })).toBeChecked();

  await page.goto('/admin/groups');
  await expectAccessible(page, 'the admin group screen');
  const name = `Night owls ${Math.floor(Math.random() * 1e4)}`;
  await page.getByLabel(/^name/i).first().fill(name);
  await page.getByLabel(/description/i).first().fill('For anyone awake in the small hours.');
  await page.getByLabel(/rules/i).first().fill('Be kind.\nShare the air.');
  await page.getByRole('button', { name: /create/i }).click();
  await page.goto('/groups');
  await expect(page.getByRole('link', { name })).toBeVisible();
});

test.describe('for a visitor whose browser prefers Spanish', () => {
  test.use({ locale: 'es-MX' });

  test('shows Kindred in Spanish, with Mexico’s crisis lines', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'es');
    await page.getByRole('link', { name: 'Ayuda ahora' }).first().click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('a[href="tel:911"]').first()).toBeVisible();
    await expect(page.getByText('Línea de la Vida').first()).toBeVisible();
    await expectAccessible(page, 'Get help now in Spanish');
  });
});
