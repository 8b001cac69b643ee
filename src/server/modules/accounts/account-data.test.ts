import { expect, it } from 'vitest';
import { describeEachDialect, makeAdmin, Visitor } from '../../test/harness.js';
import { memberIn, moderatorIn, post, reply } from '../../test/forum-fixtures.js';
import { standInAssess, standInReplyCare } from '../../test/safety-fixtures.js';

const PLAN = {
  warningSigns: 'Staying in bed all day',
  copingStrategies: 'Cold water on my face',
  distractions: 'The made-up park café',
  peopleToAsk: 'Imaginary cousin Robin',
  professionals: 'Dr Example',
  safeEnvironment: 'Robin keeps the spare key',
  reasonsForLiving: 'My garden of made-up tulips',
};

describeEachDialect(
  'my data: download it, or delete my account',
  (t) => {
    it('exports everything a member wrote and keeps, including the safety plan', async () => {
      const ana = await memberIn(t(), 'QuietHeron60');
      const bo = await memberIn(t(), 'GentleOtter60');
      const id = await post(ana, { title: 'A made-up week', body: 'MARKER-IDEATION tired', anonymous: true });
      const other = await post(bo, { title: 'Hello', body: 'hello all' });
      await reply(ana, other, 'Sending you warmth');
      await ana.put(`/api/v1/posts/${other}/reactions/hug`);
      await ana.put(`/api/v1/posts/${other}/save`);
      await ana.put('/api/v1/me/safety-plan', PLAN);
      await reply(bo, id, 'I hear you');

      const res = await ana.get('/api/v1/me/export');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="kindred-my-data-\d{4}-\d{2}-\d{2}\.json"$/);
      const data = res.json();
      expect(data.account).toMatchObject({ handle: 'QuietHeron60', roles: [] });
      expect(data.groups).toEqual([expect.objectContaining({ slug: 'depression-support', showOnProfile: false })]);
      expect(data.forums.posts).toEqual([expect.objectContaining({ id, title: 'A made-up week', body: 'MARKER-IDEATION tired', anonymous: true, contentWarning: 'suicide' })]);
      expect(data.forums.replies).toEqual([expect.objectContaining({ postId: other, body: 'Sending you warmth' })]);
      expect(data.forums.reactions).toEqual([expect.objectContaining({ targetType: 'post', targetId: other, kind: 'hug' })]);
      expect(data.forums.saved).toEqual([expect.objectContaining({ postId: other })]);
      expect(data.notifications).toEqual([expect.objectContaining({ kind: 'reply', postId: id })]);
      expect(data.safety.safetyPlan).toMatchObject(PLAN);
      expect(data.safety.assessments).toEqual([expect.objectContaining({ contentType: 'post', contentId: id, level: 'ideation', categories: ['suicidal'] })]);
      // Nothing of anyone else's.
      expect(JSON.stringify(data)).not.toContain('I hear you');
      expect(JSON.stringify(data)).not.toContain('hello all');
    });

    it('deletes an account: words become "[deleted]", counts move back, the plan is gone and the handle logs in no more', async () => {
      const ana = await memberIn(t(), 'QuietHeron61');
      const bo = await memberIn(t(), 'GentleOtter61');
      const mine = await post(ana, { title: 'My made-up post', body: 'MARKER-PLAN searchable-tulip' });
      await reply(bo, mine, 'Here with you');
      const theirs = await post(bo, { title: 'Their post', body: 'hello' });
      await reply(ana, theirs, 'A reply from the one who leaves');
      await ana.put(`/api/v1/posts/${theirs}/reactions/me_too`);
      await ana.put('/api/v1/me/safety-plan', PLAN);
      const groupBefore = (await bo.get('/api/v1/groups/depression-support')).json().group.memberCount;

      const wrong = await ana.request('DELETE', '/api/v1/me', { passphrase: 'not the one' });
      expect(wrong.statusCode).toBe(400);
      expect(wrong.json().error.fields.passphrase).toBe('That passphrase is not right.');

      const gone = await ana.request('DELETE', '/api/v1/me', { passphrase: 'lantern orchard pebble' });
      expect(gone.statusCode).toBe(204);
      expect((await ana.get('/api/v1/me')).statusCode).toBe(401);
      expect((await new Visitor(t().app).logIn('QuietHeron61')).statusCode).toBe(401);

      const post_ = (await bo.get(`/api/v1/posts/${mine}`)).json().post;
      expect(post_).toMatchObject({ deleted: true, title: '[deleted]', bodyHtml: null, author: { kind: 'deleted' } });
      expect((await bo.get(`/api/v1/posts/${mine}/replies`)).json().items.map((r: { bodyHtml: string }) => r.bodyHtml)).toEqual(['<p>Here with you</p>\n']);
      const theirPost = (await bo.get(`/api/v1/posts/${theirs}`)).json().post;
      expect(theirPost).toMatchObject({ replyCount: 0, reactions: { me_too: 0 } });
      expect((await bo.get(`/api/v1/posts/${theirs}/replies`)).json().items).toEqual([expect.objectContaining({ deleted: true, bodyHtml: null, author: { kind: 'deleted', isMe: false } })]);
      expect((await bo.get('/api/v1/search?q=searchable-tulip')).json().items).toEqual([]);
      expect((await bo.get('/api/v1/groups/depression-support')).json().group.memberCount).toBe(groupBefore - 1);
      expect((await bo.get('/api/v1/members/QuietHeron61')).statusCode).toBe(404);

      const db = t().database.db;
      expect(await db.selectFrom('safety_plans').selectAll().execute()).toEqual([]);
      expect(await db.selectFrom('assessments').selectAll().execute()).toEqual([]);
      const alert = await db.selectFrom('risk_alerts').select(['author_id', 'status']).executeTakeFirstOrThrow();
      expect(alert).toEqual({ author_id: null, status: 'open' });
      const row = await db.selectFrom('members').selectAll().where('handle', 'like', 'deleted-%').executeTakeFirstOrThrow();
      expect(row).toMatchObject({ passphrase_hash: '', recovery_code_hash: null, country: null });
      expect(row.deleted_at).not.toBeNull();

      // The handle is free again, and the alert view still works without the author.
      await new Visitor(t().app).signUp('QuietHeron61');
      const mod = await moderatorIn(t(), 'SteadyWren61');
      const [a] = (await mod.get('/api/v1/safety/alerts')).json().items;
      expect(a).toMatchObject({ author: { handle: null }, content: { status: 'deleted', text: '', postTitle: '[deleted]' } });
    });

    it('keeps the last admin from deleting the account that runs the community', async () => {
      const ana = await memberIn(t(), 'QuietHeron62');
      await makeAdmin(t(), 'QuietHeron62');
      const res = await ana.request('DELETE', '/api/v1/me', { passphrase: 'lantern orchard pebble' });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('last_admin');
      expect((await ana.get('/api/v1/me')).statusCode).toBe(200);
    });

    it('asks visitors to log in', async () => {
      const v = new Visitor(t().app);
      expect((await v.get('/api/v1/me/export')).statusCode).toBe(401);
    });
  },
  { assess: standInAssess, replyCare: standInReplyCare },
);
