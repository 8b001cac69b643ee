import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/harness.js';
import { memberIn, moderatorIn, post, reply, setTrustLevel } from '../../test/forum-fixtures.js';
import type { Assess } from '../safety/assess.js';

const standIn: Assess = (text) =>
  text.includes('MARKER-HARASS')
    ? { level: 'none', score: 0.8, categories: ['harassment'], matches: [], language: 'en' }
    : { level: 'none', score: 0, categories: [], matches: [], language: 'en' };

describeEachDialect(
  'forum edge cases',
  (t) => {
    it("keeps a post in 'Needs a reply' until someone other than its author answers", async () => {
      const ana = await memberIn(t(), 'QuietHeron40');
      const bo = await memberIn(t(), 'GentleOtter40');
      const id = await post(ana, { title: 'Still awake', body: 'x' });
      await reply(ana, id, 'Update: still awake.');
      const needs = async () => ((await bo.get('/api/v1/needs-reply')).json().items as { id: string }[]).map((p) => p.id);
      expect(await needs()).toEqual([id]);
      expect(((await bo.get('/api/v1/groups/depression-support/posts?sort=unanswered')).json().items as { id: string }[]).map((p) => p.id)).toEqual([id]);
      const answer = await reply(bo, id, 'Here with you.');
      expect(await needs()).toEqual([]);
      await bo.delete(`/api/v1/replies/${answer}`);
      expect(await needs()).toEqual([id]);
    });

    it('moves counts once when a reply is deleted twice at the same moment', async () => {
      const ana = await memberIn(t(), 'QuietHeron41');
      const mod = await moderatorIn(t(), 'CalmModerator41');
      const bo = await memberIn(t(), 'GentleOtter41');
      const id = await post(ana, { title: 'Count me', body: 'x' });
      const r = await reply(bo, id, 'One');
      await reply(bo, id, 'Two');
      await Promise.all([bo.delete(`/api/v1/replies/${r}`), mod.delete(`/api/v1/replies/${r}`), bo.delete(`/api/v1/replies/${r}`)]);
      expect((await ana.get(`/api/v1/posts/${id}`)).json().post.replyCount).toBe(1);
    });

    it('hides a search snippet behind a content warning, and keeps the title findable', async () => {
      const ana = await memberIn(t(), 'QuietHeron42');
      await post(ana, { title: 'Losing my grandmother', body: 'She passed away in the spring and the house is quiet.', contentWarning: 'grief' });
      const hit = (await ana.get('/api/v1/search?q=quiet')).json().items[0];
      expect(hit).toMatchObject({ title: 'Losing my grandmother', contentWarning: 'grief', snippetHtml: '' });
    });

    it('takes held posts out of saved lists and notifications, except for their author', async () => {
      const ana = await memberIn(t(), 'QuietHeron43');
      const bo = await memberIn(t(), 'GentleOtter43');
      const id = await post(ana, { title: 'Fine for now', body: 'x' });
      await bo.put(`/api/v1/posts/${id}/save`);
      await bo.put(`/api/v1/posts/${id}/follow`);
      await reply(ana, id, 'a reply from the author');
      await ana.patch(`/api/v1/posts/${id}`, { title: 'MARKER-HARASS now' });
      expect((await bo.get('/api/v1/saved')).json().items).toEqual([]);
      expect((await ana.get(`/api/v1/posts/${id}`)).json().post.status).toBe('held');
      const note = (await bo.get('/api/v1/notifications')).json().items[0];
      expect(note.post.title).toBe('[deleted]');
      expect(JSON.stringify(note)).not.toContain('MARKER');
    });

    it('stops naming the writer of a reply that was deleted after notifying', async () => {
      const ana = await memberIn(t(), 'QuietHeron44');
      const bo = await memberIn(t(), 'GentleOtter44');
      const id = await post(ana, { title: 'Hello', body: 'x' });
      const r = await reply(bo, id, 'Something I regret');
      await bo.delete(`/api/v1/replies/${r}`);
      const note = (await ana.get('/api/v1/notifications')).json().items[0];
      expect(note).toMatchObject({ actor: { kind: 'deleted' }, replyId: null });
      expect(JSON.stringify(note)).not.toContain('GentleOtter44');
    });

    it('announces a held reply once an edit publishes it', async () => {
      const ana = await memberIn(t(), 'QuietHeron45');
      const bo = await memberIn(t(), 'GentleOtter45');
      const id = await post(ana, { title: 'Hello', body: 'x' });
      const held = (await bo.post(`/api/v1/posts/${id}/replies`, { body: 'MARKER-HARASS' })).json().reply.id;
      expect((await ana.get('/api/v1/notifications/unread-count')).json().unread).toBe(0);
      await bo.patch(`/api/v1/replies/${held}`, { body: 'Sorry, I meant: I am here for you.' });
      expect((await ana.get('/api/v1/notifications/unread-count')).json().unread).toBe(1);
      expect((await ana.get(`/api/v1/posts/${id}`)).json().post.replyCount).toBe(1);
    });

    it('keeps very deep threads readable and pageable', async () => {
      const ana = await memberIn(t(), 'QuietHeron46');
      // More replies in a minute than a new member may write in an hour.
      await setTrustLevel(t(), 'QuietHeron46', 2);
      const id = await post(ana, { title: 'Deep', body: 'x' });
      let parent: string | undefined;
      const ids: string[] = [];
      for (let i = 0; i < 26; i++) {
        parent = await reply(ana, id, `level ${i}`, parent);
        ids.push(parent);
      }
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await ana.get(`/api/v1/posts/${id}/replies?limit=5${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.statusCode).toBe(200);
        seen.push(...(res.json().items as { id: string }[]).map((r) => r.id));
        cursor = res.json().nextCursor;
      } while (cursor);
      expect(seen.sort()).toEqual([...ids].sort());
      const depths = await t().database.db.selectFrom('replies').select('depth').where('post_id', '=', id).execute();
      expect(Math.max(...depths.map((d) => d.depth))).toBeLessThanOrEqual(20);
    });

    it('finds Greek words typed in capitals the same way on both databases', async () => {
      const ana = await memberIn(t(), 'QuietHeron47');
      await post(ana, { title: 'Ο δρόμος', body: 'οδοσήμανση και δρόμος' });
      expect((await ana.get(`/api/v1/search?q=${encodeURIComponent('ΟΔΟΣ')}`)).json().items).toHaveLength(1);
      expect((await ana.get(`/api/v1/search?q=${encodeURIComponent('ΔΡΟΜΟΣ')}`)).json().items).toHaveLength(1);
    });

    it("lets moderators reveal an anonymous reply's author, with an audit entry", async () => {
      const ana = await memberIn(t(), 'QuietHeron48');
      const mod = await moderatorIn(t(), 'CalmModerator48');
      const id = await post(ana, { title: 'x', body: 'y' });
      const r = (await ana.post(`/api/v1/posts/${id}/replies`, { body: 'quietly', anonymous: true })).json().reply;
      expect(r.author).toEqual({ kind: 'anonymous', isMe: true });
      expect((await ana.post(`/api/v1/replies/${r.id}/reveal-author`, {})).statusCode).toBe(403);
      expect((await mod.post(`/api/v1/replies/${r.id}/reveal-author`, {})).json().author.handle).toBe('QuietHeron48');
      const audit = await t().database.db.selectFrom('audit_log').select('action').where('target_id', '=', r.id).execute();
      expect(audit.map((a) => a.action)).toEqual(['reply.author_revealed']);
    });

    it('marks notifications read without losing one that arrives meanwhile', async () => {
      const ana = await memberIn(t(), 'QuietHeron49');
      const bo = await memberIn(t(), 'GentleOtter49');
      const id = await post(ana, { title: 'x', body: 'y' });
      await reply(bo, id, 'one');
      await Promise.all([ana.post('/api/v1/notifications/read', {}), reply(bo, id, 'two')]);
      const unread = (await ana.get('/api/v1/notifications/unread-count')).json().unread;
      const listed = ((await ana.get('/api/v1/notifications')).json().items as { read: boolean }[]).filter((n) => !n.read).length;
      expect(unread).toBe(listed);
    });
  },
  { assess: standIn },
);
