import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { adminCredentials, checkPage, checkPhonePage, draftKeys, logIn, PASSPHRASE, readGroupRules, signUp, uniqueHandle, uniqueWord, vouchFor, watchThirdParty } from './helpers';

const GROUP = 'depression-support';
const PHONE = { width: 360, height: 740 };

// Members use Kindred on their phones: every forum page is checked at 360 pixels wide.
test.use({ viewport: PHONE });

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A second member, in a browser of their own. */
async function anotherMember(browser: Browser, baseURL: string, prefix: string) {
  const context = await browser.newContext({ baseURL, viewport: PHONE });
  const page = await context.newPage();
  const handle = uniqueHandle(prefix);
  await signUp(page, handle);
  return { context, page, handle };
}

async function joinGroup(page: Page, slug = GROUP): Promise<void> {
  await page.goto(`/groups/${slug}`);
  await page.getByRole('button', { name: 'Join group' }).click();
  await expect(page.getByRole('button', { name: 'Leave group' })).toBeVisible();
  await readGroupRules(page, slug);
}

interface NewPost {
  title: string;
  body: string;
  warning?: string;
  anonymous?: boolean;
}

/** Writes and publishes a post from the group page; resolves on the new post's page. */
async function writePost(page: Page, post: NewPost): Promise<string> {
  await page.goto(`/groups/${GROUP}`);
  await page.getByRole('link', { name: 'Write a post' }).click();
  await page.getByLabel('Title', { exact: true }).fill(post.title);
  await page.getByLabel('Your post', { exact: true }).fill(post.body);
  if (post.warning) await page.getByLabel('Content warning').selectOption({ label: post.warning });
  if (post.anonymous) await page.getByRole('checkbox', { name: 'Post anonymously' }).check();
  await page.getByRole('button', { name: 'Publish post' }).click();
  await expect(page.getByRole('heading', { level: 1, name: post.title })).toBeVisible();
  return new URL(page.url()).pathname;
}

/** Replies to the post; `shows` is a part of the rendered reply to wait for. */
async function reply(page: Page, text: string, shows = text): Promise<void> {
  await page.getByLabel('Write a reply', { exact: true }).fill(text);
  await page.locator('.reply-box').getByRole('button', { name: 'Post reply' }).click();
  await expect(page.locator('.reply').filter({ hasText: shows })).toBeVisible();
}

test('a post with a content warning: another member reveals it, reacts and replies, the author is told, and search finds it', async ({ page, browser, baseURL }) => {
  const foreign = watchThirdParty(page, baseURL!);
  const author = uniqueHandle('SoftLantern');
  const word = uniqueWord();
  const title = `Evenings feel long ${Math.floor(Math.random() * 1e6)}`;
  const opening = 'Some evenings are harder than others.';
  const body = `${opening}\n\nMy grandmother died in the spring and the ${word} she planted is blooming now.`;

  await signUp(page, author);
  await joinGroup(page);
  // The group's posts, by each of its orders.
  const tabs = page.getByRole('navigation', { name: 'Sort posts' });
  for (const tab of ['Active', 'Unanswered', 'New']) {
    await tabs.getByRole('link', { name: tab, exact: true }).click();
    await expect(tabs.getByRole('link', { name: tab, exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByText('Loading posts')).toHaveCount(0);
    await checkPage(page, `the group page, ${tab}`);
  }

  // The composer keeps the draft through a reload in the middle of typing.
  await page.getByRole('link', { name: 'Write a post' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Write a post/ })).toBeVisible();
  await checkPage(page, 'the composer');
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Your post', { exact: true }).fill(opening);
  await page.reload();
  await expect(page.getByText('Draft restored')).toBeVisible();
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue(title);
  await expect(page.getByLabel('Your post', { exact: true })).toHaveValue(opening);
  await page.getByLabel('Your post', { exact: true }).fill(body);
  await page.getByLabel('Content warning').selectOption({ label: 'Grief' });
  await page.getByRole('tab', { name: 'Preview' }).click();
  await expect(page.locator('.preview')).toContainText(word);
  await checkPage(page, 'the composer preview');
  await page.getByRole('button', { name: 'Publish post' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const postPath = new URL(page.url()).pathname;
  await expect(page.getByText('Content warning: Grief').first()).toBeVisible();

  // Published: the draft is gone.
  await page.goto(`/groups/${GROUP}/new`);
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('');
  await expect(page.getByText('Draft restored')).toHaveCount(0);

  // Nobody has answered yet: it waits in "Needs a reply", with its warning and no excerpt.
  await page.goto('/needs-reply');
  const waiting = page.getByRole('listitem').filter({ hasText: title });
  await expect(waiting).toBeVisible();
  await expect(waiting).toContainText('Content warning: Grief');
  await expect(waiting).not.toContainText(word);
  await checkPage(page, 'Needs a reply');

  // Another member: the body stays hidden until they choose to read it.
  const reader = await anotherMember(browser, baseURL!, 'KindHarbor');
  const b = reader.page;
  await b.goto(postPath);
  await expect(b.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const show = b.getByRole('button', { name: 'Show post' });
  await expect(show).toHaveAttribute('aria-expanded', 'false');
  await expect(b.getByText(word)).toHaveCount(0);
  await checkPage(b, 'a post behind its content warning');
  await show.click();
  await expect(b.getByText(word)).toBeVisible();
  await expect(b.locator('.warning-gate-body')).toBeFocused();
  await expect(b.getByRole('button', { name: 'Hide post' })).toHaveAttribute('aria-expanded', 'true');
  await checkPage(b, 'a post with its content shown');

  // A hug, then a reply, then a reply to that reply.
  const reactions = b.getByRole('group', { name: 'Reactions to this post' });
  await reactions.getByRole('button', { name: 'Sending a hug (0)' }).click();
  await expect(reactions.getByRole('button', { name: 'Sending a hug (1)' })).toHaveAttribute('aria-pressed', 'true');
  await expect(reactions.getByRole('button', { name: 'Me too (0)' })).toHaveAttribute('aria-pressed', 'false');
  await reply(b, 'I hear you. Grief comes in waves.');
  const first = b.locator('.reply').filter({ hasText: 'I hear you' });
  await expect(first).toHaveAttribute('data-depth', '0');
  await first.getByRole('button', { name: `Reply to ${reader.handle}` }).click();
  await b.getByLabel(`Your reply to ${reader.handle}`, { exact: true }).fill('I will check in again tomorrow.');
  await first.getByRole('button', { name: 'Post reply' }).click();
  const nested = b.locator('.reply').filter({ hasText: 'check in again tomorrow' });
  await expect(nested).toHaveAttribute('data-depth', '1');
  await expect(nested).toHaveClass(/reply--depth-1/);
  await checkPage(b, 'a post with a thread of replies');

  // The author hears about it: the bell says so, and the notification leads to the post.
  await page.goto('/');
  const bell = page.getByRole('link', { name: /^Notifications \(\d+ unread\)$/ });
  await expect(bell).toBeVisible();
  await bell.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notifications' })).toBeVisible();
  await checkPage(page, 'notifications');
  // The hug is told too, in words, with the reaction's name.
  await expect(page.getByRole('link', { name: `${reader.handle} reacted "Sending a hug" to your post "${title}"` })).toBeVisible();
  await page.getByRole('link', { name: new RegExp(`replied to "${escapeRegExp(title)}"`) }).first().click();
  await expect(page).toHaveURL(new RegExp(`${escapeRegExp(postPath)}(#reply-\\w+)?$`));
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText('I hear you. Grief comes in waves.')).toBeVisible();
  // Opening one notification marked that one read: the other reply and the hug are still unread.
  await expect(page.getByRole('link', { name: 'Notifications (2 unread)' })).toBeVisible();

  // Mark all as read: the badge goes.
  await page.goto('/notifications');
  await page.getByRole('button', { name: 'Mark all as read' }).click();
  await expect(page.getByRole('link', { name: 'Notifications', exact: true })).toBeVisible();

  // Saved, the home feed and the profile.
  await page.goto(postPath);
  const save = page.getByRole('button', { name: 'Save', exact: true });
  await expect(save).toHaveAttribute('aria-pressed', 'false');
  await save.click();
  await expect(save).toHaveAttribute('aria-pressed', 'true');
  await page.goto('/saved');
  await expect(page.getByRole('link', { name: title })).toBeVisible();
  await checkPage(page, 'saved posts');
  await page.goto('/feed');
  await expect(page.getByRole('link', { name: title })).toBeVisible();
  await checkPage(page, 'the home feed');

  await page.goto(`/groups/${GROUP}`);
  await page.getByRole('checkbox', { name: 'Show this group on my profile' }).check();
  await expect(page.getByText('This group now shows on your profile.')).toBeVisible();
  await page.goto(`/members/${author}`);
  await expect(page.getByRole('heading', { level: 1, name: author })).toBeVisible();
  await expect(page.getByText(/^Joined \w+ \d{4}$/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Depression support' })).toBeVisible();
  await checkPage(page, 'a profile');

  // Search finds the post by a word of its body; behind its warning it shows the warning, and none of the words.
  await page.goto('/search');
  await page.getByRole('searchbox', { name: 'Search posts and replies' }).fill(word);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const hit = page.locator('.search-hit').filter({ has: page.getByRole('link', { name: title }) }).first();
  await expect(hit).toBeVisible();
  await expect(hit).toContainText('Content warning: Grief');
  await expect(hit.locator('.search-snippet')).toHaveCount(0);
  await expect(hit).not.toContainText(word);
  await checkPage(page, 'search results');

  expect(foreign, 'requests to other sites').toEqual([]);
  await reader.context.close();
});

const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[click](javascript:alert(1))',
  '<svg onload=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '"><iframe src=javascript:alert(1)>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '![x](javascript:alert(1))',
  '<details open ontoggle=alert(1)>',
  '<img src=x onerror="window.__xss=1">',
  '<svg><animate onbegin="window.__xss=1" attributeName=x dur=1s>',
  '[x](JaVaScRiPt:window.__xss=1)',
  '<a href="data:text/html,<script>window.__xss=1</script>">d</a>',
  '![remote](https://example.com/pixel.png)',
  '<img src="https://example.com/tracker.png">',
];

/** Nothing a payload asked for happened, and nothing that could run is in the page. */
async function expectInert(page: Page, dialogs: string[], where: string): Promise<void> {
  await page.waitForTimeout(300); // An onerror or ontoggle handler would have fired by now.
  expect(dialogs, `dialogs on ${where}`).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), `window.__xss on ${where}`).toBeUndefined();
  const found = await page.evaluate(() => {
    const main = document.querySelector('main')!;
    const bad: string[] = [];
    for (const el of Array.from(main.querySelectorAll('script, iframe, object, embed, frame, style, base, form[action], math, svg'))) bad.push(`<${el.tagName.toLowerCase()}>`);
    for (const el of Array.from(main.querySelectorAll('*'))) {
      for (const attr of el.getAttributeNames()) if (attr.toLowerCase().startsWith('on')) bad.push(`${el.tagName.toLowerCase()}[${attr}]`);
    }
    for (const a of Array.from(main.querySelectorAll('a[href]'))) {
      const href = a.getAttribute('href')!.trim().toLowerCase();
      if (href.startsWith('javascript:') || href.startsWith('data:') || href.startsWith('vbscript:')) bad.push(`a[href=${href}]`);
    }
    for (const img of Array.from(main.querySelectorAll('img'))) {
      if (new URL(img.src, location.href).origin !== location.origin) bad.push(`img[src=${img.src}]`);
    }
    return bad;
  });
  expect(found, `script-capable markup on ${where}`).toEqual([]);
}

test('XSS payloads in titles, bodies and replies render inert everywhere', async ({ page, browser, baseURL }, testInfo) => {
  const foreign = watchThirdParty(page, baseURL!);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const word = uniqueWord('xss');
  const title = `<img src=x onerror="window.__xss=1"><script>alert(1)</script> ${word}`;

  const author = uniqueHandle('WaryWren');
  await signUp(page, author);
  // The payloads carry links, which a new member's words hold for a moderator (moderation.spec.ts):
  // an admin vouches for this author, so the words reach every page the test looks at.
  const adminContext = await browser.newContext({ baseURL: baseURL! });
  const adminPage = await adminContext.newPage();
  const admin = adminCredentials(testInfo);
  await logIn(adminPage, admin.handle, admin.passphrase);
  await vouchFor(adminPage, author);
  await adminContext.close();
  await joinGroup(page);
  const postPath = await writePost(page, { title, body: `${PAYLOADS.join('\n\n')}\n\n${word} ends here.` });
  // The title shows as the text it is.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  // The remote image became a link the reader may choose to follow.
  await expect(page.locator('.post-body a[href="https://example.com/pixel.png"]')).toBeVisible();
  await reply(page, `${PAYLOADS.slice(0, 8).join('\n\n')}\n\nFirst reply.`, 'First reply.');
  await reply(page, `${PAYLOADS.slice(8).join('\n\n')}\n\nSecond reply.`, 'Second reply.');
  await page.reload();
  await expect(page.locator('.reply')).toHaveCount(2);
  await expectInert(page, dialogs, 'the post page');

  await page.goto('/feed');
  await expect(page.getByRole('link', { name: title })).toBeVisible();
  await expectInert(page, dialogs, 'the home feed');

  await page.goto(`/groups/${GROUP}`);
  await expect(page.getByRole('link', { name: title })).toBeVisible();
  await expectInert(page, dialogs, 'the group page');

  await page.goto(`/search?q=${word}`);
  await expect(page.locator('.search-hit').first()).toBeVisible();
  // No content warning: the snippet shows, with the matched word marked.
  await expect(page.locator('.search-snippet mark').filter({ hasText: new RegExp(`^${word}$`, 'i') }).first()).toBeVisible();
  await expectInert(page, dialogs, 'search results');

  await page.goto(postPath);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  expect(foreign, 'requests to other sites (remote images must not load)').toEqual([]);
});

test('an anonymous post shows "Anonymous member" to everyone else, and its author replies anonymously by default', async ({ page, browser, baseURL }) => {
  const author = uniqueHandle('HiddenFern');
  const title = `Not ready to say who I am ${Math.floor(Math.random() * 1e6)}`;
  await signUp(page, author);
  await joinGroup(page);
  const postPath = await writePost(page, { title, body: 'Thank you for reading this.', anonymous: true });
  await expect(page.locator('.post-meta')).toContainText('Anonymous member (you)');

  // The author's own reply starts anonymous, and the hint says why.
  const anonymously = page.locator('.reply-box').getByRole('checkbox', { name: 'Reply anonymously' });
  await expect(anonymously).toBeChecked();
  await expect(page.locator('.reply-box')).toContainText('because you wrote this post anonymously');
  await reply(page, 'Thank you all for listening.');
  const own = page.locator('.reply').filter({ hasText: 'Thank you all for listening.' });
  await expect(own.locator('.reply-meta')).toContainText('Anonymous member (you)');
  await expect(own).not.toContainText(author);

  const reader = await anotherMember(browser, baseURL!, 'GentleRiver');
  await reader.page.goto(postPath);
  await expect(reader.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(reader.page.locator('.post-meta')).toContainText('Anonymous member');
  await expect(reader.page.locator('.post-meta')).not.toContainText('(you)');
  await expect(reader.page.getByText('Thank you all for listening.')).toBeVisible();
  await expect(reader.page.getByText(author)).toHaveCount(0);
  // Someone else's anonymous post: their replies are under their handle unless they choose otherwise.
  await expect(reader.page.locator('.reply-box').getByRole('checkbox', { name: 'Reply anonymously' })).not.toBeChecked();

  await reader.page.goto(`/groups/${GROUP}`);
  const item = reader.page.getByRole('listitem').filter({ hasText: title });
  await expect(item).toContainText('Anonymous member');
  await expect(item).not.toContainText(author);
  await reader.context.close();
});

test('drafts go when the session ends: on the server, from another device, and in every tab on log-out', async ({ page, browser, baseURL }) => {
  const handle = uniqueHandle('TenderMoss');
  const title = `Draft on a shared computer ${Math.floor(Math.random() * 1e6)}`;
  await signUp(page, handle);
  await joinGroup(page);

  // A draft is kept as the member types.
  await page.goto(`/groups/${GROUP}/new`);
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Your post', { exact: true }).fill('Words I would not want the next person to read.');
  await expect.poll(() => draftKeys(page)).toHaveLength(1);

  // On another device the member logs out everywhere: the server ends this session too.
  const elsewhere = await browser.newContext({ baseURL: baseURL!, viewport: PHONE });
  const other = await elsewhere.newPage();
  await logIn(other, handle, PASSPHRASE);
  await other.goto('/settings');
  await other.getByRole('button', { name: 'Log out everywhere' }).click();
  await other.getByRole('alertdialog').getByRole('button', { name: 'Yes, log out everywhere' }).click();
  await expect(other.getByRole('link', { name: 'Log in' }).first()).toBeVisible();
  await elsewhere.close();

  // Here, the next request finds the session gone: the draft goes with it.
  await page.getByRole('button', { name: 'Publish post' }).click();
  await expect(page.getByRole('link', { name: 'Log in' }).first()).toBeVisible();
  await expect.poll(() => draftKeys(page)).toEqual([]);
  await logIn(page, handle, PASSPHRASE);
  await page.goto(`/groups/${GROUP}/new`);
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('');
  await expect(page.getByText('Draft restored')).toHaveCount(0);

  // Two tabs: logging out in one clears the other, which must not write its draft back as it closes.
  const second = await page.context().newPage();
  await second.goto(`/groups/${GROUP}/new`);
  await second.getByLabel('Title', { exact: true }).fill(title);
  await expect.poll(() => draftKeys(second)).toHaveLength(1);
  await second.getByLabel('Your post', { exact: true }).fill('Still typing when the other tab logs out.');
  await page.getByRole('button', { name: 'Log out' }).first().click();
  await expect(page.getByRole('link', { name: 'Log in' }).first()).toBeVisible();
  await expect(second.getByRole('link', { name: 'Log in' }).first()).toBeVisible();
  await second.close({ runBeforeUnload: true });
  await page.waitForTimeout(600); // Longer than a draft waits to be saved.
  expect(await draftKeys(page)).toEqual([]);
});

test('every forum page fits a 360-pixel phone, with Get help now in view, and passes axe', async ({ page, browser, baseURL }) => {
  const author = uniqueHandle('MildMeadow');
  const word = uniqueWord('phone');
  const answered = `Mornings are slow ${Math.floor(Math.random() * 1e6)}`;
  const waiting = `Nobody has answered yet ${Math.floor(Math.random() * 1e6)}`;
  await signUp(page, author);
  await joinGroup(page);
  const postPath = await writePost(page, { title: answered, body: `Getting up is the hardest part. The ${word} helps a little.` });
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await writePost(page, { title: waiting, body: `A longer story about the ${word} and me.`, warning: 'Grief' });

  // Someone answers the first post, and a reply to that: a thread, and a notification.
  const reader = await anotherMember(browser, baseURL!, 'WarmCedar');
  await joinGroup(reader.page);
  await reader.page.goto(postPath);
  await reply(reader.page, 'Small steps count. I am glad you are here.');
  await reader.page.locator('.reply').first().getByRole('button', { name: `Reply to ${reader.handle}` }).click();
  await reader.page.getByLabel(`Your reply to ${reader.handle}`, { exact: true }).fill('And the mornings do get lighter.');
  await reader.page.locator('.reply').first().getByRole('button', { name: 'Post reply' }).click();
  await expect(reader.page.locator('.reply[data-depth="1"]')).toBeVisible();
  await reader.context.close();

  const pages: { path: string; what: string; shows: (p: Page) => Locator }[] = [
    { path: `/groups/${GROUP}`, what: 'the group page, New', shows: (p) => p.getByRole('link', { name: waiting }) },
    { path: `/groups/${GROUP}?sort=active`, what: 'the group page, Active', shows: (p) => p.getByRole('link', { name: answered }) },
    { path: `/groups/${GROUP}?sort=unanswered`, what: 'the group page, Unanswered', shows: (p) => p.getByRole('link', { name: waiting }) },
    { path: `/groups/${GROUP}/new`, what: 'the composer', shows: (p) => p.getByLabel('Title', { exact: true }) },
    { path: postPath, what: 'a post with replies', shows: (p) => p.locator('.reply[data-depth="1"]') },
    { path: '/feed', what: 'the home feed', shows: (p) => p.getByRole('link', { name: answered }) },
    { path: '/needs-reply', what: 'Needs a reply', shows: (p) => p.getByRole('link', { name: waiting }) },
    { path: `/search?q=${word}`, what: 'search results', shows: (p) => p.getByText('Content warning: Grief') },
    { path: '/notifications', what: 'notifications', shows: (p) => p.getByRole('link', { name: new RegExp(`replied to "${escapeRegExp(answered)}"`) }).first() },
    { path: '/saved', what: 'saved posts', shows: (p) => p.getByRole('link', { name: answered }) },
    { path: `/members/${author}`, what: 'a profile', shows: (p) => p.getByRole('heading', { level: 1, name: author }) },
  ];
  for (const { path, what, shows } of pages) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(shows(page), `what ${what} shows`).toBeVisible();
    await expect(page.locator('.loading')).toHaveCount(0);
    await checkPhonePage(page, `${what} at 360px`);
  }

  // Search: the post behind a warning shows the warning and none of its words; the other marks the word.
  await page.goto(`/search?q=${word}`);
  await expect(page.locator('.search-snippet mark').first()).toBeVisible();
  await expect(page.locator('.search-hit').filter({ hasText: waiting })).toContainText('Content warning: Grief');
  await expect(page.locator('.search-hit').filter({ hasText: waiting }).locator('.search-snippet')).toHaveCount(0);

  // Back and forward: the search box follows the address.
  const box = page.getByRole('searchbox', { name: 'Search posts and replies' });
  await expect(box).toHaveValue(word);
  await box.fill('mornings');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page).toHaveURL(/[?&]q=mornings/);
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`[?&]q=${word}`));
  await expect(box).toHaveValue(word);
  await page.goForward();
  await expect(box).toHaveValue('mornings');
});

test('writing before joining keeps the post; the author edits and deletes; a moderator reveals and locks', async ({ page, browser, baseURL }, testInfo) => {
  const author = uniqueHandle('StillBrook');
  const title = `Before I joined ${Math.floor(Math.random() * 1e6)}`;
  await signUp(page, author);

  // Not a member yet: the server says so, the draft stays, and joining in place sends it.
  await page.goto(`/groups/${GROUP}/new`);
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Your post', { exact: true }).fill('Quiet words from someone new.');
  await page.getByRole('checkbox', { name: 'Post anonymously' }).check();
  await page.getByRole('button', { name: 'Publish post' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'join' })).toBeVisible();
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue(title);
  await page.getByRole('button', { name: 'Join group' }).click();
  // A first post in the group waits for its rules: once read, the post is sent as it was.
  await page.getByRole('button', { name: 'I’ve read the rules' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const postPath = new URL(page.url()).pathname;

  // Edit: the words change and the post says it was edited.
  await page.getByRole('link', { name: 'Edit post' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit your post' })).toBeVisible();
  await expect(page.getByLabel('Your post', { exact: true })).toHaveValue('Quiet words from someone new.');
  await page.getByLabel('Your post', { exact: true }).fill('Quiet words, said again more gently.');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Your changes are saved.')).toBeVisible();
  await expect(page.getByText('said again more gently')).toBeVisible();
  await expect(page.locator('.post-meta')).toContainText('edited');

  // A moderator sees who wrote it only by asking (and the asking is recorded), and can lock it.
  const admin = adminCredentials(testInfo);
  const context = await browser.newContext({ baseURL: baseURL!, viewport: PHONE });
  const mod = await context.newPage();
  await logIn(mod, admin.handle, admin.passphrase);
  await mod.goto(postPath);
  await expect(mod.locator('.post-meta')).toContainText('Anonymous member');
  await mod.getByRole('button', { name: 'Reveal author' }).click();
  const dialog = mod.getByRole('alertdialog');
  await expect(dialog).toContainText('recorded');
  await dialog.getByRole('button', { name: 'Reveal author' }).click();
  await expect(mod.getByText(`Written by ${author}.`)).toBeVisible();
  await mod.getByRole('button', { name: 'Lock replies' }).click();
  await expect(mod.getByRole('button', { name: 'Unlock replies' })).toBeVisible();
  await expect(mod.getByLabel('Write a reply', { exact: true })).toHaveCount(0);
  await checkPage(mod, 'a locked post, as a moderator');
  await context.close();

  // Locked: no reply box, a kind note. The author deletes the post; the page stays, marked deleted.
  await page.reload();
  await expect(page.getByText('This post is locked')).toBeVisible();
  await expect(page.getByLabel('Write a reply', { exact: true })).toHaveCount(0);
  await page.getByRole('button', { name: 'Delete post' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Yes, delete it' }).click();
  await expect(page.locator('div.notice', { hasText: 'The post is deleted.' })).toBeFocused();
  await expect(page.locator('.post').getByText('[deleted]')).toBeVisible();
});
