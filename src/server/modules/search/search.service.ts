import type { Kysely } from 'kysely';
import type { ContentWarning, SearchHit } from '../../../shared/forum.js';
import type { DB } from '../../platform/db/schema.js';
import type { DialectName } from '../../platform/db/dialect/index.js';
import { indexSearchDoc, removeSearchDoc, searchCandidates } from '../../platform/db/dialect/search.js';
import { decodeCursor, encodeCursor, type Page, type PageRequest } from '../../platform/db/pagination.js';
import type { AuthMember } from '../../platform/http/auth.js';
import { blockViewer, withoutBlockedAuthors, type BlockViewer } from '../blocks/blocks.query.js';
import type { GroupsService } from '../groups/groups.service.js';
import { plainText } from '../posts/markdown.js';
import { normaliseWord, queryTerms, termsOf } from './terms.js';

// Ranking looks at the newest matches only; a search that needs older ones can add words.
const CANDIDATES = 500;
const SNIPPET = 160;

export type SearchService = ReturnType<typeof createSearchService>;

interface Doc {
  id: string;
  kind: 'post' | 'reply';
  postId: string;
  group: { slug: string; name: string };
  title: string;
  text: string;
  contentWarning: ContentWarning | null;
  createdAt: number;
}

function asDocument(
  kind: Doc['kind'],
  r: { id: string; post_id: string; title: string; body_html: string; content_warning: string | null; created_at: number; slug: string; name: string },
): Doc {
  return {
    id: r.id,
    kind,
    postId: r.post_id,
    group: { slug: r.slug, name: r.name },
    title: r.title,
    text: plainText(r.body_html),
    contentWarning: r.content_warning as ContentWarning | null,
    createdAt: r.created_at,
  };
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * Matches per term as a prefix, three times as much in a post's title (a reply is scored on
 * its own words): the same rule whichever database found the candidates.
 */
export function scoreDoc(terms: string[], title: string, text: string): number {
  const t = termsOf(title);
  const b = termsOf(text);
  let score = 0;
  for (const term of terms) {
    score += 3 * t.filter((w) => w.startsWith(term)).length + b.filter((w) => w.startsWith(term)).length;
  }
  return score;
}

/** About SNIPPET characters around the first match, escaped, with every matching word in <mark>. */
export function snippetHtml(text: string, terms: string[]): string {
  const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)];
  const matches = (w: string) => {
    const n = normaliseWord(w);
    return terms.some((t) => n.startsWith(t));
  };
  const first = words.find((w) => matches(w[0]));
  const at0 = first?.index ?? 0;
  const start = first ? Math.max(0, at0 - SNIPPET / 3) : 0;
  // Begin at a word boundary, but never after the match itself.
  const space = start === 0 ? -1 : text.indexOf(' ', start);
  let from = start === 0 ? 0 : space >= 0 && space < at0 ? space + 1 : start;
  const to = Math.min(text.length, from + SNIPPET);
  if (from > to) from = start;
  let html = '';
  let at = from;
  for (const w of words) {
    const i = w.index ?? 0;
    if (i < from || i + w[0].length > to) continue;
    if (!matches(w[0])) continue;
    html += escapeHtml(text.slice(at, i)) + `<mark>${escapeHtml(w[0])}</mark>`;
    at = i + w[0].length;
  }
  html += escapeHtml(text.slice(at, to));
  return `${from > 0 ? '…' : ''}${html}${to < text.length ? '…' : ''}`;
}

const rankKey = (score: number, createdAt: number) => `${String(score).padStart(8, '0')}:${String(createdAt).padStart(15, '0')}`;

/** Full-text search over what a member may read: posts and replies, published and not deleted. */
export function createSearchService({ db, dialect, groups }: { db: Kysely<DB>; dialect: DialectName; groups: GroupsService }) {
  /** The candidates still readable, leaving out what a block keeps apart, either way (a reply on such a member's post too). */
  async function load(keys: string[], viewer: BlockViewer | null): Promise<Doc[]> {
    const postIds = keys.filter((k) => k.startsWith('p:')).map((k) => k.slice(2));
    const replyIds = keys.filter((k) => k.startsWith('r:')).map((k) => k.slice(2));
    const docs: Doc[] = [];
    if (postIds.length) {
      const rows = await withoutBlockedAuthors(db.selectFrom('posts'), viewer, 'posts.author_id')
        .innerJoin('groups', 'groups.id', 'posts.group_id')
        .select(['posts.id', 'posts.id as post_id', 'posts.title', 'posts.body_html', 'posts.content_warning', 'posts.created_at', 'groups.slug', 'groups.name'])
        .where('posts.id', 'in', postIds)
        .where('posts.status', '=', 'published')
        .where('posts.deleted_at', 'is', null)
        .execute();
      docs.push(...rows.map((r) => asDocument('post', r)));
    }
    if (replyIds.length) {
      const rows = await withoutBlockedAuthors(withoutBlockedAuthors(db.selectFrom('replies'), viewer, 'replies.author_id'), viewer, 'posts.author_id')
        .innerJoin('posts', 'posts.id', 'replies.post_id')
        .innerJoin('groups', 'groups.id', 'posts.group_id')
        .select(['replies.id', 'replies.post_id', 'replies.body_html', 'replies.created_at', 'posts.title', 'posts.content_warning', 'groups.slug', 'groups.name'])
        .where('replies.id', 'in', replyIds)
        .where('replies.status', '=', 'published')
        .where('replies.deleted_at', 'is', null)
        .where('posts.status', '=', 'published')
        .where('posts.deleted_at', 'is', null)
        .execute();
      docs.push(...rows.map((r) => asDocument('reply', r)));
    }
    return docs;
  }

  return {
    /** Indexes a post; `fresh` when it was just created, so there is nothing older to replace. */
    async indexPost(trx: Kysely<DB>, post: { id: string; groupId: string; createdAt: number; title: string; text: string }, fresh = false): Promise<void> {
      await indexSearchDoc(trx, dialect, { key: `p:${post.id}`, groupId: post.groupId, createdAt: post.createdAt, terms: termsOf(`${post.title} ${post.text}`).join(' ') }, fresh);
    },

    async indexReply(trx: Kysely<DB>, reply: { id: string; groupId: string; createdAt: number; text: string }, fresh = false): Promise<void> {
      await indexSearchDoc(trx, dialect, { key: `r:${reply.id}`, groupId: reply.groupId, createdAt: reply.createdAt, terms: termsOf(reply.text).join(' ') }, fresh);
    },

    async remove(trx: Kysely<DB>, kind: 'post' | 'reply', id: string): Promise<void> {
      await removeSearchDoc(trx, dialect, `${kind === 'post' ? 'p' : 'r'}:${id}`);
    },

    async search(actor: AuthMember | null, q: string, page: PageRequest): Promise<Page<SearchHit>> {
      const terms = queryTerms(q);
      const groupIds = await groups.readableIds(actor);
      const keys = await searchCandidates(db, dialect, terms, groupIds, CANDIDATES);
      const ranked = (await load(keys, blockViewer(actor)))
        .map((d) => ({ d, rank: rankKey(scoreDoc(terms, d.kind === 'post' ? d.title : '', d.text), d.createdAt) }))
        .sort((a, b) => (a.rank === b.rank ? (a.d.id < b.d.id ? 1 : -1) : a.rank < b.rank ? 1 : -1));
      let start = 0;
      if (page.cursor) {
        const [rank, id] = decodeCursor(page.cursor, 'string');
        start = ranked.findIndex((r) => r.rank < String(rank) || (r.rank === rank && r.d.id < id));
        if (start < 0) start = ranked.length;
      }
      const slice = ranked.slice(start, start + page.limit);
      const last = slice[slice.length - 1];
      return {
        items: slice.map(({ d }) => ({
          kind: d.kind,
          postId: d.postId,
          replyId: d.kind === 'reply' ? d.id : null,
          group: d.group,
          title: d.title,
          contentWarning: d.contentWarning,
          // Behind a content warning nothing of the words shows until the reader opens the post.
          snippetHtml: d.contentWarning ? '' : snippetHtml(d.text, terms),
          createdAt: d.createdAt,
        })),
        nextCursor: last && start + page.limit < ranked.length ? encodeCursor(last.rank, last.d.id) : null,
      };
    },
  };
}
