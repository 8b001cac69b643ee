import { createHash } from 'node:crypto';
import LinkifyIt from 'linkify-it';
import type { HeldReason } from '../../../shared/safety.js';
import type { Role } from '../../../shared/rules.js';
import type { RiskLevel } from '../safety/assess.js';

/**
 * Trust levels: the rules, in one place. A member's level grows with time and constructive
 * participation, and sets how much they may write and whether their links wait for a
 * moderator. Everything here is plain data and pure functions; trust.service.ts applies them.
 * docs/decisions.md explains the numbers.
 */

export type TrustLevel = 0 | 1 | 2 | 3;
export const TRUST_LEVEL_NAMES = ['new', 'basic', 'member', 'regular'] as const;

const DAY = 24 * 60 * 60 * 1000;

export interface LevelRule {
  level: TrustLevel;
  name: (typeof TRUST_LEVEL_NAMES)[number];
  /** Days since joining. */
  minDays: number;
  /** Published posts, replies and group-room messages that are still there. */
  contributions: number;
  /** Supportive reactions other members gave the member's posts and replies. */
  reactionsReceived: number;
  /** Days without any of the member's words removed by a moderator or a host (0: not asked). */
  removalFreeDays: number;
  /** Days without a warning, a mute or a suspension (0: not asked). */
  sanctionFreeDays: number;
}

/** What each level asks for; a level also needs everything the levels below it ask for. */
export const TRUST_LEVELS: readonly LevelRule[] = [
  { level: 0, name: 'new', minDays: 0, contributions: 0, reactionsReceived: 0, removalFreeDays: 0, sanctionFreeDays: 0 },
  { level: 1, name: 'basic', minDays: 1, contributions: 3, reactionsReceived: 0, removalFreeDays: 0, sanctionFreeDays: 0 },
  { level: 2, name: 'member', minDays: 7, contributions: 20, reactionsReceived: 0, removalFreeDays: 30, sanctionFreeDays: 0 },
  { level: 3, name: 'regular', minDays: 30, contributions: 100, reactionsReceived: 10, removalFreeDays: 90, sanctionFreeDays: 90 },
];

/** No level asks for more contributions than this, so counting stops here (a bounded count, not a table scan). */
export const CONTRIBUTIONS_COUNTED = Math.max(...TRUST_LEVELS.map((l) => l.contributions));

/** What the level is worked out from. */
export interface TrustStats {
  joinedAt: number;
  /** Counted up to CONTRIBUTIONS_COUNTED. */
  contributions: number;
  reactionsReceived: number;
  lastRemovalAt: number | null;
  lastSanctionAt: number | null;
}

/** Does `stats` meet this one level's own requirements at `now`? */
export function meetsRule(rule: LevelRule, stats: TrustStats, now: number): boolean {
  const within = (at: number | null, days: number) => days > 0 && at !== null && at > now - days * DAY;
  return (
    now - stats.joinedAt >= rule.minDays * DAY &&
    stats.contributions >= rule.contributions &&
    stats.reactionsReceived >= rule.reactionsReceived &&
    !within(stats.lastRemovalAt, rule.removalFreeDays) &&
    !within(stats.lastSanctionAt, rule.sanctionFreeDays)
  );
}

/** The highest level whose requirements, and those of every level below it, hold. */
export function levelFrom(stats: TrustStats, now: number): TrustLevel {
  let level: TrustLevel = 0;
  for (const rule of TRUST_LEVELS) {
    if (!meetsRule(rule, stats, now)) break;
    level = rule.level;
  }
  return level;
}

/**
 * What a recomputed level becomes: levels 1 and 2, once reached, are kept (a removal or a
 * sanction is the moderators' tool, not a surprise hold on an established member's links);
 * level 3 is kept only while it is earned, so it falls back to 2.
 */
export function settledLevel(current: number, computed: TrustLevel): TrustLevel {
  return Math.max(Math.min(clampLevel(current), 2), computed) as TrustLevel;
}

export function clampLevel(n: number): TrustLevel {
  return Math.min(3, Math.max(0, Math.trunc(Number(n) || 0))) as TrustLevel;
}

// ---- Who is trusted whatever their level ----

/** Listeners, facilitators, moderators and admins were chosen by people: they count as level 3 for limits and are never held for links or repeats. */
export const TRUSTED_ROLES: readonly Role[] = ['listener', 'facilitator', 'moderator', 'admin'];

export function trustedByRole(roles: readonly Role[]): boolean {
  return roles.some((r) => TRUSTED_ROLES.includes(r));
}

// ---- Limits per level ----

export interface LevelLimits {
  /** Share of the operator's setting (POSTS_PER_HOUR, REPLIES_PER_HOUR, MESSAGES_PER_MINUTE), which is the level 2 and 3 allowance. */
  share: number;
  /** Links in one post (title and body), reply or message. */
  linksPerText: number;
}

/** Level 0 strictest. Rates are shares of the settings so that an operator turns one knob per kind. */
export const LIMITS: Readonly<Record<TrustLevel, LevelLimits>> = {
  0: { share: 1 / 3, linksPerText: 2 },
  1: { share: 2 / 3, linksPerText: 5 },
  2: { share: 1, linksPerText: 10 },
  3: { share: 1, linksPerText: 20 },
};

/** A level's allowance out of a setting: at least one. */
export function allowance(level: TrustLevel, setting: number): number {
  return Math.max(1, Math.ceil(setting * LIMITS[level].share - 1e-9));
}

// ---- Links ----

const linkify = new LinkifyIt();

/**
 * The links a reader would see in a text: web addresses with or without http(s), as the
 * Markdown renderer and the chat turn them into links. E-mail addresses are left to the
 * off-platform contact check.
 */
export function countLinks(text: string): number {
  if (!linkify.pretest(text)) return 0;
  return (linkify.match(text) ?? []).filter((m) => m.schema !== 'mailto:').length;
}

// ---- Repeated words ----

export const REPEATS = {
  /** The copy that is held: the third time the same words arrive within the window. */
  holdAt: 3,
  windowMinutes: 10,
  /** Shorter texts ("thank you", "sending hugs") are what kind people say often; they count only with a link. */
  minChars: 20,
} as const;

/** The words as compared for repeats: trimmed, case-folded, every run of white space one space. */
export function normaliseForRepeats(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/**
 * A one-way fingerprint of the words (only this is kept, for ten minutes, never the words), or
 * null when the text is too short to tell spam from an everyday kind word.
 */
export function repeatFingerprint(text: string, hasLink: boolean): string | null {
  const words = normaliseForRepeats(text);
  if (words.length === 0 || (words.length < REPEATS.minChars && !hasLink)) return null;
  return createHash('sha256').update(words).digest('base64url').slice(0, 22);
}

// ---- Holds ----

export type TrustHold = Extract<HeldReason, 'new_member_link' | 'repeated'>;

/**
 * The hold a text earns from its author's standing. The safety check's own hold wins; a repeat
 * is held only when the engine found no sign of distress in it, so someone asking again and
 * again for help is never taken for a spammer.
 */
export function trustHold(admission: { newMemberLink: boolean; repeated: boolean }, safety: { held: boolean; level: RiskLevel }): TrustHold | null {
  if (safety.held) return null;
  if (admission.newMemberLink) return 'new_member_link';
  if (admission.repeated && safety.level === 'none') return 'repeated';
  return null;
}
