import { expect } from 'vitest';
import { createGroupsService } from '../modules/groups/groups.service.js';
import { makeAdmin, type TestApp, Visitor } from './harness.js';

/** Seeds the default groups and returns a member who has joined `slug` and read its rules (so may post there). */
export async function memberIn(t: TestApp, handle: string, slug = 'depression-support'): Promise<Visitor> {
  await createGroupsService({ db: t.database.db }).seedDefaults();
  const v = new Visitor(t.app);
  await v.signUp(handle);
  expect((await v.put(`/api/v1/groups/${slug}/membership`)).statusCode).toBe(200);
  expect((await v.post(`/api/v1/groups/${slug}/rules/seen`)).statusCode).toBe(200);
  return v;
}

/**
 * Sets a member's trust level directly (it is read with the session on every request), for
 * tests that write more than a new member may in an hour, or that need an established member.
 */
export async function setTrustLevel(t: TestApp, handle: string, level: 0 | 1 | 2 | 3): Promise<void> {
  await t.database.db.updateTable('members').set({ trust_level: level }).where('handle_key', '=', handle.toLowerCase()).execute();
}

export async function moderatorIn(t: TestApp, handle: string): Promise<Visitor> {
  const v = await memberIn(t, handle);
  await makeAdmin(t, handle);
  return v;
}

/** Writes a post and returns its id. */
export async function post(v: Visitor, body: { title: string; body: string; anonymous?: boolean; contentWarning?: string | null }, slug = 'depression-support'): Promise<string> {
  const res = await v.post(`/api/v1/groups/${slug}/posts`, body);
  if (res.statusCode !== 201) throw new Error(`post failed: ${res.statusCode} ${res.body}`);
  return res.json().post.id;
}

export async function reply(v: Visitor, postId: string, body: string, parentId?: string): Promise<string> {
  const res = await v.post(`/api/v1/posts/${postId}/replies`, { body, ...(parentId ? { parentId } : {}) });
  if (res.statusCode !== 201) throw new Error(`reply failed: ${res.statusCode} ${res.body}`);
  return res.json().reply.id;
}
