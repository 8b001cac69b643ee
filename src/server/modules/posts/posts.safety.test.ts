import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/harness.js';
import { memberIn } from '../../test/forum-fixtures.js';
import { standInAssess, standInReplyCare } from '../../test/safety-fixtures.js';

describeEachDialect(
  'the safety hook on posts and replies',
  (t) => {
    it('publishes ideation with an automatic content warning and tells the author what the engine saw', async () => {
      const ana = await memberIn(t(), 'QuietHeron30');
      const res = await ana.post('/api/v1/groups/depression-support/posts', { title: 'Tonight', body: 'MARKER-IDEATION I am so tired of everything' });
      expect(res.statusCode).toBe(201);
      expect(res.json().safety).toEqual({ level: 'ideation', held: false, heldReason: null, contentWarningAdded: 'suicide', response: 'card', replyCare: [] });
      expect(res.json().post).toMatchObject({ status: 'published', contentWarning: 'suicide' });
      const bo = await memberIn(t(), 'GentleOtter30');
      expect((await bo.get('/api/v1/groups/depression-support/posts')).json().items).toHaveLength(1);
    });

    it("keeps the author's own content warning when they chose one", async () => {
      const ana = await memberIn(t(), 'QuietHeron31');
      const res = await ana.post('/api/v1/groups/depression-support/posts', { title: 'Tonight', body: 'MARKER-IDEATION', contentWarning: 'grief' });
      expect(res.json()).toMatchObject({ post: { contentWarning: 'grief' }, safety: { contentWarningAdded: null } });
    });

    it('holds method details and harassment for review, keeps every word, and shows them to nobody else', async () => {
      const ana = await memberIn(t(), 'QuietHeron32');
      const res = await ana.post('/api/v1/groups/depression-support/posts', { title: 'Plan', body: 'MARKER-METHOD the words I wrote' });
      expect(res.statusCode).toBe(201);
      expect(res.json().safety.held).toBe(true);
      const id = res.json().post.id;
      expect((await ana.get(`/api/v1/posts/${id}`)).json().post).toMatchObject({ status: 'held', bodyMarkdown: 'MARKER-METHOD the words I wrote' });
      const bo = await memberIn(t(), 'GentleOtter32');
      expect((await bo.get(`/api/v1/posts/${id}`)).statusCode).toBe(404);
      expect((await bo.get('/api/v1/groups/depression-support/posts')).json().items).toEqual([]);
      expect((await bo.get('/api/v1/search?q=words')).json().items).toEqual([]);

      const ok = (await ana.post('/api/v1/groups/depression-support/posts', { title: 'Fine', body: 'fine' })).json().post.id;
      const harsh = await bo.post(`/api/v1/posts/${ok}/replies`, { body: 'MARKER-HARASS nasty words' });
      expect(harsh.json()).toMatchObject({ reply: { status: 'held', bodyMarkdown: 'MARKER-HARASS nasty words' }, safety: { held: true } });
      expect((await ana.get(`/api/v1/posts/${ok}/replies`)).json().items).toEqual([]);
      expect((await bo.get(`/api/v1/posts/${ok}/replies`)).json().items).toHaveLength(1);
      // A held reply neither counts as an answer nor notifies anyone.
      expect((await ana.get(`/api/v1/posts/${ok}`)).json().post.replyCount).toBe(0);
      expect((await ana.get('/api/v1/notifications/unread-count')).json().unread).toBe(0);
    });
  },
  { assess: standInAssess, replyCare: standInReplyCare },
);
