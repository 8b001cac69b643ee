import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * The database as Kysely sees it. Conventions: ids are ULIDs (sortable text); times are
 * integer milliseconds since the epoch (UTC); flags are nullable timestamps (archived_at)
 * rather than booleans, so both dialects store them the same way.
 */
export interface DB {
  members: MembersTable;
  member_roles: MemberRolesTable;
  sessions: SessionsTable;
  groups: GroupsTable;
  group_members: GroupMembersTable;
  audit_log: AuditLogTable;
  meta: MetaTable;
  posts: PostsTable;
  replies: RepliesTable;
  reactions: ReactionsTable;
  saved_posts: SavedPostsTable;
  post_follows: PostFollowsTable;
  notifications: NotificationsTable;
  assessments: AssessmentsTable;
  risk_alerts: RiskAlertsTable;
  safety_plans: SafetyPlansTable;
  conversations: ConversationsTable;
  conversation_participants: ConversationParticipantsTable;
  messages: MessagesTable;
  member_blocks: MemberBlocksTable;
  notification_actors: NotificationActorsTable;
  content_flags: ContentFlagsTable;
  listener_training: ListenerTrainingTable;
  facilitator_training: FacilitatorTrainingTable;
  listener_applications: ListenerApplicationsTable;
  listener_profiles: ListenerProfilesTable;
  listener_duty: ListenerDutyTable;
  support_requests: SupportRequestsTable;
  support_offers: SupportOffersTable;
  support_feedback: SupportFeedbackTable;
  reports: ReportsTable;
  review_claims: ReviewClaimsTable;
  member_warnings: MemberWarningsTable;
  meetings: MeetingsTable;
  meeting_overrides: MeetingOverridesTable;
  meeting_rsvps: MeetingRsvpsTable;
  meeting_reminders: MeetingRemindersTable;
  meeting_sessions: MeetingSessionsTable;
  meeting_hands: MeetingHandsTable;
  meeting_removals: MeetingRemovalsTable;
  meeting_feedback: MeetingFeedbackTable;
  self_check_results: SelfCheckResultsTable;
  mood_checkins: MoodCheckinsTable;
  mood_low_offers: MoodLowOffersTable;
  journal_entries: JournalEntriesTable;
  resources: ResourcesTable;
  resource_tags: ResourceTagsTable;
}

export interface MembersTable {
  id: string;
  handle: string;
  /** Lower-cased handle: the unique key that makes handles case-insensitive. */
  handle_key: string;
  passphrase_hash: string;
  recovery_code_hash: string | null;
  country: string | null;
  language: string;
  /** Sessions begun before this time are over: set by recovery, passphrase change and log out everywhere. */
  sessions_valid_after: Generated<number>;
  unread_notifications: Generated<number>;
  /** Set when the member deleted their account: the row stays only as the author of "[deleted]" threads. */
  deleted_at: number | null;
  /** While later than now, the member may read but not take part (sockets are refused). */
  suspended_until: number | null;
  /** While later than now, the member may read but not post, reply or send. */
  muted_until: number | null;
  /** Set when a moderator banned the member: they cannot sign in. */
  banned_at: number | null;
  /** 0 new, 1 basic, 2 member, 3 regular: from time and participation (modules/moderation/trust.ts). */
  trust_level: Generated<number>;
  /** When the level was last worked out (0: never); the sweep re-checks the oldest first. */
  trust_checked_at: Generated<number>;
  created_at: number;
  updated_at: number;
}

export interface MemberRolesTable {
  member_id: string;
  role: string;
  granted_at: number;
  granted_by: string | null;
}

export interface SessionsTable {
  /** SHA-256 of the cookie's token: a stolen database cannot be replayed as cookies. */
  id: string;
  member_id: string;
  csrf_token: string;
  created_at: number;
  last_used_at: number;
  expires_at: number;
}

export interface GroupsTable {
  id: string;
  slug: string;
  name: string;
  description: string;
  rules: string;
  member_count: Generated<number>;
  sort_order: Generated<number>;
  /** 1 when visitors who are not signed in may read the group's posts. */
  visitors_can_read: Generated<number>;
  created_at: number;
  updated_at: number;
  archived_at: number | null;
}

export interface GroupMembersTable {
  group_id: string;
  member_id: string;
  joined_at: number;
  show_on_profile: Generated<number>;
  /** member | host | moderator: set by admins; hosts and moderators host the group's room, moderators review its queue. */
  role: Generated<string>;
  /** When the member marked the group's rules read: their first post in it waits for this. */
  rules_seen_at: number | null;
}

export interface AuditLogTable {
  id: string;
  actor_id: string | null;
  action: string;
  target_type: string;
  target_id: string;
  detail: string;
  created_at: number;
}

export interface MetaTable {
  key: string;
  value: string;
}

interface ReactionCountColumns {
  hug_count: Generated<number>;
  me_too_count: Generated<number>;
  thank_you_count: Generated<number>;
  got_this_count: Generated<number>;
}

export interface PostsTable extends ReactionCountColumns {
  id: string;
  group_id: string;
  author_id: string;
  anonymous: number;
  title: string;
  body_md: string;
  body_html: string;
  excerpt: string;
  content_warning: string | null;
  /** published | held | removed */
  status: string;
  reply_count: Generated<number>;
  answer_count: Generated<number>;
  last_activity_at: number;
  locked_at: number | null;
  created_at: number;
  edited_at: number | null;
  /** Why it waits for review: safety | new_member_link */
  held_reason: string | null;
  removed_rule: string | null;
  removed_reason: string | null;
  removed_by: string | null;
  removed_at: number | null;
  deleted_at: number | null;
}

export interface RepliesTable extends ReactionCountColumns {
  id: string;
  post_id: string;
  parent_id: string | null;
  path: string;
  depth: number;
  author_id: string;
  anonymous: number;
  body_md: string;
  body_html: string;
  content_warning: string | null;
  status: string;
  created_at: number;
  edited_at: number | null;
  /** Why it waits for review: safety | new_member_link */
  held_reason: string | null;
  removed_rule: string | null;
  removed_reason: string | null;
  removed_by: string | null;
  removed_at: number | null;
  deleted_at: number | null;
}

export interface ReactionsTable {
  target_type: string;
  target_id: string;
  member_id: string;
  kind: string;
  created_at: number;
}

export interface SavedPostsTable {
  member_id: string;
  post_id: string;
  created_at: number;
}

export interface PostFollowsTable {
  post_id: string;
  member_id: string;
  created_at: number;
}

export interface NotificationsTable {
  id: string;
  member_id: string;
  kind: string;
  post_id: string;
  reply_id: string | null;
  actor_id: string | null;
  actor_anonymous: number;
  created_at: number;
  read_at: number | null;
  /** On a "reaction" notification: the newest reaction's kind. */
  reaction_kind: string | null;
  /** How many people a "reaction" notification stands for (1 for other kinds). */
  actor_count: Generated<number>;
  /** On a meeting notice (migration 0014): its occurrence, and that occurrence's start when written; post_id is '' then. */
  meeting_id: string | null;
  local_date: string | null;
  starts_at: number | null;
}

/** Who a "reaction" notification already stands for, so nobody is counted or notified twice. */
export interface NotificationActorsTable {
  notification_id: string;
  actor_id: string;
}

/** What the risk engine found in one version of a text: never the text itself. */
export interface AssessmentsTable {
  id: string;
  /** post | reply (and message, support, meeting as they land) */
  content_type: string;
  content_id: string;
  author_id: string;
  level: string;
  score: number;
  /** JSON array of categories. */
  categories: string;
  /** JSON array of the rule ids that fired. */
  rules: string;
  language: string;
  created_at: number;
}

export interface RiskAlertsTable {
  id: string;
  content_type: string;
  content_id: string;
  /** For posts and replies; null for chat messages. */
  post_id: string | null;
  group_id: string | null;
  author_id: string | null;
  level: string;
  /** 1 for plan and imminent. */
  urgent: number;
  categories: string;
  /** JSON array of {rule, start, end} in the text as assessed. */
  matches: string;
  /** open | acknowledged | resolved */
  status: string;
  created_at: number;
  acknowledged_at: number | null;
  acknowledged_by: string | null;
  resolved_at: number | null;
  resolved_by: string | null;
  resolution_note: string | null;
}

export interface SafetyPlansTable {
  member_id: string;
  /** JSON object of the plan's steps, in the member's own words. */
  plan: string;
  updated_at: number;
}

/** One conversation of any kind: a group's room, a support chat, a meeting room. */
export interface ConversationsTable {
  id: string;
  /** room | support | meeting */
  kind: string;
  group_id: string | null;
  /** The group whose own room this is; unique, so a group has one. */
  room_of_group: string | null;
  guidelines: Generated<string>;
  guidelines_updated_at: number | null;
  slow_mode_seconds: Generated<number>;
  /** The seq of the newest message: bumped in the sending transaction. */
  last_seq: Generated<number>;
  created_at: number;
  closed_at: number | null;
}

export interface ConversationParticipantsTable {
  conversation_id: string;
  member_id: string;
  /** participant | host */
  role: string;
  last_read_seq: Generated<number>;
  guidelines_seen_at: number | null;
  muted_until: number | null;
  last_sent_at: number | null;
  joined_at: number;
}

export interface MessagesTable {
  id: string;
  conversation_id: string;
  seq: number;
  author_id: string;
  client_id: string;
  body: string;
  content_warning: string | null;
  /** published | held | removed */
  status: string;
  held_reason: string | null;
  /** JSON: a card shown with the message (the crisis lines a listener shared). */
  card: string | null;
  removed_rule: string | null;
  removed_reason: string | null;
  removed_by: string | null;
  removed_at: number | null;
  created_at: number;
  deleted_at: number | null;
}

export interface MemberBlocksTable {
  blocker_id: string;
  blocked_id: string;
  created_at: number;
}

export interface ContentFlagsTable {
  id: string;
  content_type: string;
  content_id: string;
  conversation_id: string | null;
  author_id: string | null;
  /** off_platform_contact | moderator_requested | chat_reported (reports of posts arrive with moderation) */
  reason: string;
  /** What the person who flagged it said, when they said something. */
  note: string | null;
  /** open | resolved */
  status: string;
  created_at: number;
  resolved_at: number | null;
  resolved_by: string | null;
}

export interface ListenerTrainingTable {
  member_id: string;
  module: string;
  passed_at: number;
}

/** Facilitator training modules passed, shaped like listener_training. */
export type FacilitatorTrainingTable = ListenerTrainingTable;

export interface ListenerApplicationsTable {
  id: string;
  member_id: string;
  /** pending | approved | declined */
  status: string;
  /** The member's id while pending: unique, so a member has one pending application at most. */
  pending_member_id: string | null;
  motivation: string;
  /** JSON arrays */
  languages: string;
  topics: string;
  created_at: number;
  reviewed_at: number | null;
  reviewed_by: string | null;
  review_note: string | null;
}

export interface ListenerProfilesTable {
  member_id: string;
  /** JSON arrays */
  languages: string;
  topics: string;
  capacity: Generated<number>;
  /** off | on | break */
  status: Generated<string>;
  status_since: number;
  updated_at: number;
}

export interface ListenerDutyTable {
  id: string;
  member_id: string;
  started_at: number;
  ended_at: number | null;
}

export interface SupportRequestsTable {
  id: string;
  member_id: string;
  /** The member's id while the request is open: unique, so each member has at most one. */
  open_member_id: string | null;
  /** JSON array */
  topics: string;
  language: string;
  note: string;
  risk_level: string;
  priority: number;
  /** waiting | offered | matched | ended | cancelled | expired */
  status: string;
  offered_to: string | null;
  offer_expires_at: number | null;
  listener_id: string | null;
  conversation_id: string | null;
  created_at: number;
  matched_at: number | null;
  ended_at: number | null;
  end_reason: string | null;
  away_since: number | null;
}

export interface SupportOffersTable {
  request_id: string;
  listener_id: string;
  /** pending | accepted | declined | expired | withdrawn */
  outcome: string;
  offered_at: number;
  answered_at: number | null;
}

export interface SupportFeedbackTable {
  request_id: string;
  /** yes | somewhat | no */
  helped: string;
  note_for_listener: Generated<string>;
  note_for_moderators: Generated<string>;
  created_at: number;
}

export type PostRow = Selectable<PostsTable>;
export type ReplyRow = Selectable<RepliesTable>;
export type MemberRow = Selectable<MembersTable>;
export type NewMember = Insertable<MembersTable>;
export type MemberUpdate = Updateable<MembersTable>;
export type GroupRow = Selectable<GroupsTable>;
export type SessionRow = Selectable<SessionsTable>;

/** A member's report of a post, reply, message, member or listener. */
export interface ReportsTable {
  id: string;
  reporter_id: string;
  target_type: string;
  target_id: string;
  subject_id: string | null;
  group_id: string | null;
  conversation_id: string | null;
  reason: string;
  note: string | null;
  /** open | actioned | dismissed */
  status: string;
  created_at: number;
  resolved_at: number | null;
  resolved_by: string | null;
  first_action_at: number | null;
}

/** Which moderator is looking at a review item, so two never act on it at once. */
export interface ReviewClaimsTable {
  item_key: string;
  moderator_id: string;
  claimed_at: number;
}

/** What a member is told about a moderator's action on their words or account. */
export interface MemberWarningsTable {
  id: string;
  member_id: string;
  rule: string;
  reason: string;
  /** warning | removal | mute | suspension */
  kind: string;
  until: number | null;
  created_at: number;
  seen_at: number | null;
}

/** A facilitated meeting series, as its facilitator set it in their own time zone (migration 0012). */
export interface MeetingsTable {
  id: string;
  group_id: string;
  facilitator_id: string;
  co_facilitator_id: string | null;
  title: string;
  description: Generated<string>;
  /** JSON: the agenda's steps, in order. */
  agenda: string;
  capacity: Generated<number>;
  duration_minutes: number;
  /** IANA name. */
  time_zone: string;
  /** 'YYYY-MM-DD' and 'HH:mm' on the facilitator's wall clock. */
  start_date: string;
  start_time: string;
  /** JSON: recurrence.ts's Recurrence. */
  recurrence: string;
  /** 'YYYY-MM-DD', inclusive; or a number of meetings; or neither. */
  until_date: string | null;
  occurrence_count: number | null;
  created_at: number;
  updated_at: number;
  cancelled_at: number | null;
}

/** One occurrence of a series, named by its local date in the series' zone: cancelled or moved. */
export interface MeetingOverridesTable {
  meeting_id: string;
  local_date: string;
  cancelled_at: number | null;
  /** UTC ms the occurrence now starts at. */
  moved_to: number | null;
  reason: Generated<string>;
  updated_at: number;
}

/** Who is coming to one occurrence (migration 0013): `going` up to capacity, then `waitlist` in order of created_at. */
export interface MeetingRsvpsTable {
  meeting_id: string;
  local_date: string;
  member_id: string;
  /** going | waitlist */
  status: string;
  created_at: number;
  updated_at: number;
}

/** A reminder sent for one RSVP: written once, so it is never sent twice. */
export interface MeetingRemindersTable {
  meeting_id: string;
  local_date: string;
  member_id: string;
  /** 24h | 15m */
  kind: string;
  sent_at: number;
}

/** The live room of one occurrence. */
export interface MeetingSessionsTable {
  id: string;
  meeting_id: string;
  local_date: string;
  /** The conversation (kind `meeting`) its messages are in. */
  conversation_id: string;
  opened_at: number;
  /** Index into the meeting's agenda. */
  current_step: Generated<number>;
  /** Who has the floor, since when, and for how long a share may run (null: no timer). */
  speaker_id: string | null;
  speaker_since: number | null;
  share_seconds: number | null;
  /** 0 | 1 */
  locked: Generated<number>;
  all_muted: Generated<number>;
  /** Who leads now: the facilitator, or the co-facilitator who took over. */
  leader_id: string | null;
  /** Set while no leader is connected: the room waits with a notice. */
  paused_at: number | null;
  ended_at: number | null;
  /** How many came, as a number only; set when the meeting ends. */
  attendance: number | null;
}

export interface MeetingHandsTable {
  session_id: string;
  member_id: string;
  raised_at: number;
}

export interface MeetingRemovalsTable {
  session_id: string;
  member_id: string;
  removed_at: number;
}

/** "Did this meeting help?": yes | somewhat | no, one per person, reported as counts only. */
export interface MeetingFeedbackTable {
  session_id: string;
  member_id: string;
  answer: string;
  created_at: number;
}

/** A PHQ-9 or PHQ-2 result a member chose to keep: only ever theirs. */
export interface SelfCheckResultsTable {
  id: string;
  member_id: string;
  /** phq9 | phq2 */
  kind: string;
  /** JSON array of 0–3, one per item. */
  answers: string;
  /** The unscored functional question, 0–3, when answered. */
  difficulty: number | null;
  total: number;
  /** The PHQ-9 band (minimal … severe); null for the PHQ-2. */
  band: string | null;
  created_at: number;
}

/** A mood check-in: only ever its member's. */
export interface MoodCheckinsTable {
  id: string;
  member_id: string;
  /** 1–5 */
  mood: number;
  /** JSON array of feeling ids (shared/moods.ts FEELINGS). */
  feelings: Generated<string>;
  note: Generated<string>;
  /** The member's calendar day, YYYY-MM-DD. */
  day: string;
  created_at: number;
}

/** The last time a low stretch was pointed out to a member, so it is offered once per stretch. */
export interface MoodLowOffersTable {
  member_id: string;
  offered_day: string;
  offered_at: number;
}

export type MeetingRsvpRow = Selectable<MeetingRsvpsTable>;
export type MeetingSessionRow = Selectable<MeetingSessionsTable>;
export type MeetingRow = Selectable<MeetingsTable>;
export type MeetingOverrideRow = Selectable<MeetingOverridesTable>;

/** An article of the resource library; `published_at` null is a draft only admins see. */
export interface ResourcesTable {
  id: string;
  slug: string;
  /** en | es */
  language: string;
  title: string;
  body_md: string;
  /** Rendered and sanitised at write time, like posts. */
  body_html: string;
  excerpt: string;
  /** Title, text and tags folded (lower case, accents removed) for search. */
  search_text: string;
  published_at: number | null;
  created_by: string | null;
  updated_by: string | null;
  created_at: number;
  updated_at: number;
}

export interface ResourceTagsTable {
  resource_id: string;
  tag: string;
}

export type ResourceRow = Selectable<ResourcesTable>;

/** A private journal entry, sealed with AES-256-GCM: its title and body never stored in the clear. */
export interface JournalEntriesTable {
  id: string;
  member_id: string;
  /** Which of JOURNAL_KEYS sealed it ("local" for the installation's key in DATA_DIR). */
  key_id: string;
  /** Base64: the 12-byte IV, the 16-byte GCM tag, and the sealed JSON of { title, body }. */
  iv: string;
  auth_tag: string;
  ciphertext: string;
  created_at: number;
  updated_at: number;
}
