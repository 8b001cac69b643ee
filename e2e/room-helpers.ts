import { expect, type Locator, type Page } from '@playwright/test';

/** The parts of a room (group room, support chat, listeners' room) the browser tests reach for. */
export const composer = (page: Page) => page.getByLabel('Your message', { exact: true });
export const messages = (page: Page) => page.getByRole('region', { name: 'Messages' }).getByRole('listitem');
export const message = (page: Page, text: string): Locator => messages(page).filter({ hasText: text });

/** Writes a message and sends it with Enter, as most people will; resolves once it has left the box. */
export async function say(page: Page, text: string): Promise<void> {
  await composer(page).fill(text);
  await composer(page).press('Enter');
  await expect(composer(page)).toHaveValue('');
}

/** The same, and waits until the server has it (no longer "Sending…"). */
export async function saySent(page: Page, text: string): Promise<void> {
  await say(page, text);
  await expect(message(page, text).getByText('Sending…')).toHaveCount(0);
}
