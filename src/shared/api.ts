import { Type, type Static } from 'typebox';
import {
  GRANTABLE_ROLES,
  GROUP_DESCRIPTION_MAX,
  GROUP_NAME_MAX,
  GROUP_RULE_MAX,
  GROUP_RULES_MAX,
  HANDLE_MAX,
  HANDLE_MIN,
  HANDLE_PATTERN,
  LANGUAGES,
  PASSPHRASE_MAX,
  PASSPHRASE_MIN,
  ROLES,
} from './rules.js';

/**
 * The HTTP contract of /api/v1, shared by the server (validation, serialization, OpenAPI)
 * and the web client (types only). `errorMessage` texts are what a person sees next to a field.
 */

export const ErrorBody = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    fields: Type.Optional(Type.Record(Type.String(), Type.String())),
    suggestion: Type.Optional(Type.String()),
    /** For rate limits and slow mode: milliseconds until trying again can work. */
    retryAfterMs: Type.Optional(Type.Number()),
  }),
});

export const Handle = Type.String({
  minLength: HANDLE_MIN,
  maxLength: HANDLE_MAX,
  pattern: HANDLE_PATTERN,
  errorMessage: {
    minLength: `A handle needs at least ${HANDLE_MIN} characters.`,
    maxLength: `A handle can be at most ${HANDLE_MAX} characters.`,
    pattern: 'A handle can use letters, digits, _ and - only (no spaces).',
  },
});
export const NewPassphrase = Type.String({
  minLength: PASSPHRASE_MIN,
  maxLength: PASSPHRASE_MAX,
  errorMessage: {
    minLength: `Your passphrase needs at least ${PASSPHRASE_MIN} characters. A few unrelated words work well.`,
    maxLength: `Your passphrase can be at most ${PASSPHRASE_MAX} characters.`,
  },
});
/** An existing passphrase: never tell a person the rules of a passphrase they already have. */
export const AnyPassphrase = Type.String({
  minLength: 1,
  maxLength: 1000,
  errorMessage: { minLength: 'Please enter your passphrase.', maxLength: 'That passphrase is too long.' },
});
export const Country = Type.String({
  pattern: '^[A-Z]{2}$',
  errorMessage: { pattern: 'Please choose a country from the list.' },
});
export const LanguageCode = Type.Enum(LANGUAGES, { errorMessage: 'Please choose a language from the list.' });
export const RoleName = Type.Enum(ROLES);
export const GrantableRole = Type.Enum(GRANTABLE_ROLES);

export const MemberSelf = Type.Object({
  id: Type.String(),
  handle: Type.String(),
  country: Type.Union([Type.String(), Type.Null()]),
  language: Type.String(),
  roles: Type.Array(RoleName),
  createdAt: Type.Number(),
  /** 0 new, 1 basic, 2 member, 3 regular: grows with time and taking part; new members' links wait for a moderator. */
  trustLevel: Type.Integer({ minimum: 0, maximum: 3 }),
  /** Slugs of the groups the member moderates (set by admins): their review queue is those groups'. */
  moderatesGroups: Type.Array(Type.String()),
});
export type MemberSelf = Static<typeof MemberSelf>;

export const SessionInfo = Type.Object({
  member: Type.Union([MemberSelf, Type.Null()]),
  csrfToken: Type.Union([Type.String(), Type.Null()]),
});
export type SessionInfo = Static<typeof SessionInfo>;

export const SignUpBody = Type.Object({
  handle: Handle,
  passphrase: NewPassphrase,
  country: Type.Optional(Type.Union([Country, Type.Null()])),
  language: Type.Optional(LanguageCode),
  acceptGuidelines: Type.Literal(true, {
    errorMessage: 'Please read and accept the community guidelines to join.',
  }),
});
export type SignUpBody = Static<typeof SignUpBody>;

export const SignedIn = Type.Object({ member: MemberSelf, csrfToken: Type.String() });
export const SignedUp = Type.Object({ member: MemberSelf, csrfToken: Type.String(), recoveryCode: Type.String() });
export type SignedUp = Static<typeof SignedUp>;

export const LogInBody = Type.Object({
  handle: Type.String({ minLength: 1, maxLength: 100, errorMessage: { minLength: 'Please enter your handle.', maxLength: 'That handle is too long.' } }),
  passphrase: AnyPassphrase,
});
export type LogInBody = Static<typeof LogInBody>;

export const RecoverBody = Type.Object({
  handle: Type.String({ minLength: 1, maxLength: 100, errorMessage: { minLength: 'Please enter your handle.', maxLength: 'That handle is too long.' } }),
  recoveryCode: Type.String({
    minLength: 1,
    maxLength: 100,
    errorMessage: { minLength: 'Please enter your recovery code.', maxLength: 'That recovery code is too long.' },
  }),
  newPassphrase: NewPassphrase,
});
export type RecoverBody = Static<typeof RecoverBody>;

export const HandleSuggestion = Type.Object({ handle: Type.String() });
export const HandleAvailability = Type.Object({
  available: Type.Boolean(),
  message: Type.Optional(Type.String()),
  suggestion: Type.Optional(Type.String()),
});

export const UpdateMeBody = Type.Object({
  handle: Type.Optional(Handle),
  country: Type.Optional(Type.Union([Country, Type.Null()])),
  language: Type.Optional(LanguageCode),
});
export type UpdateMeBody = Static<typeof UpdateMeBody>;

export const ChangePassphraseBody = Type.Object({
  currentPassphrase: AnyPassphrase,
  newPassphrase: NewPassphrase,
});
export const NewRecoveryCodeBody = Type.Object({ passphrase: AnyPassphrase });
export const RecoveryCode = Type.Object({ recoveryCode: Type.String() });

export const AdminMember = Type.Object({
  id: Type.String(),
  handle: Type.String(),
  roles: Type.Array(RoleName),
  createdAt: Type.Number(),
  /** 0 new, 1 basic, 2 member, 3 regular: see docs/decisions.md. */
  trustLevel: Type.Integer(),
  /** Whether they have passed every facilitator training module: an admin can make them a facilitator only then. */
  facilitatorTrained: Type.Optional(Type.Boolean()),
});
export type AdminMember = Static<typeof AdminMember>;
export const AdminMemberPage = Type.Object({ items: Type.Array(AdminMember), nextCursor: Type.Union([Type.String(), Type.Null()]) });
export const AdminMembersQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: HANDLE_MAX })),
  role: Type.Optional(RoleName),
  cursor: Type.Optional(Type.String({ maxLength: 400 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
});
/** An admin vouches for a member (levels 0-2; level 3 is only earned). */
export const SetTrustBody = Type.Object({
  level: Type.Integer({ minimum: 0, maximum: 2, errorMessage: 'Please choose a trust level from 0 to 2; level 3 is earned, not given.' }),
});
export const SetRolesBody = Type.Object({ roles: Type.Array(GrantableRole, { maxItems: GRANTABLE_ROLES.length, uniqueItems: true }) });

export const Group = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  name: Type.String(),
  description: Type.String(),
  rules: Type.Array(Type.String()),
  memberCount: Type.Integer(),
  joined: Type.Boolean(),
  /** Shown on the member's profile (only when joined). */
  showOnProfile: Type.Boolean(),
  archived: Type.Boolean(),
  /** Visitors who are not signed in may read its posts. */
  visitorsCanRead: Type.Boolean(),
  createdAt: Type.Number(),
  /** The viewer has joined and must read the rules before their first post here. */
  mustReadRules: Type.Boolean(),
});
export type Group = Static<typeof Group>;
export const GroupList = Type.Object({ items: Type.Array(Group) });
export const GroupEnvelope = Type.Object({ group: Group });
export const GroupSlugParams = Type.Object({
  slug: Type.String({ minLength: 1, maxLength: 100, pattern: '^[a-z0-9-]+$', errorMessage: 'That is not the address of a group.' }),
});
export const GroupListQuery = Type.Object({ archived: Type.Optional(Type.Boolean()) });

const GroupName = Type.String({
  minLength: 2,
  maxLength: GROUP_NAME_MAX,
  pattern: '\\S',
  errorMessage: {
    minLength: 'Please give the group a name.',
    pattern: 'Please give the group a name.',
    maxLength: `A group name can be at most ${GROUP_NAME_MAX} characters.`,
  },
});
const GroupDescription = Type.String({
  minLength: 1,
  maxLength: GROUP_DESCRIPTION_MAX,
  pattern: '\\S',
  errorMessage: {
    minLength: 'Please describe who the group is for.',
    pattern: 'Please describe who the group is for.',
    maxLength: `A description can be at most ${GROUP_DESCRIPTION_MAX} characters.`,
  },
});
const GroupRules = Type.Array(
  Type.String({ minLength: 1, maxLength: GROUP_RULE_MAX, errorMessage: { maxLength: `Each rule can be at most ${GROUP_RULE_MAX} characters.` } }),
  { maxItems: GROUP_RULES_MAX, errorMessage: { maxItems: `A group can have at most ${GROUP_RULES_MAX} rules.` } },
);
export const CreateGroupBody = Type.Object({ name: GroupName, description: GroupDescription, rules: GroupRules });
export type CreateGroupBody = Static<typeof CreateGroupBody>;
export const UpdateGroupBody = Type.Object({
  name: Type.Optional(GroupName),
  description: Type.Optional(GroupDescription),
  rules: Type.Optional(GroupRules),
  visitorsCanRead: Type.Optional(Type.Boolean()),
});
export type UpdateGroupBody = Static<typeof UpdateGroupBody>;

export const CrisisPhone = Type.Object({ display: Type.String(), dial: Type.String(), note: Type.Optional(Type.String()) });
export const CrisisText = Type.Object({
  display: Type.String(),
  number: Type.String(),
  body: Type.Optional(Type.String()),
  note: Type.Optional(Type.String()),
});
export const CrisisOther = Type.Object({
  kind: Type.Union([Type.Literal('chat'), Type.Literal('email'), Type.Literal('whatsapp')]),
  label: Type.String(),
  value: Type.String(),
});
export const CrisisLine = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.Optional(Type.String()),
  phones: Type.Array(CrisisPhone),
  texts: Type.Array(CrisisText),
  other: Type.Array(CrisisOther),
  hours: Type.String(),
  languages: Type.Optional(Type.String()),
  free: Type.Union([Type.Boolean(), Type.Null()]),
  verified: Type.Boolean(),
  lastChecked: Type.String(),
  checkNote: Type.Optional(Type.String()),
});
export type CrisisLine = Static<typeof CrisisLine>;
export const EmergencyNumber = Type.Object({ label: Type.String(), number: Type.String() });
export const CountryEntry = Type.Object({
  name: Type.String(),
  emergency: Type.Array(EmergencyNumber),
  lines: Type.Array(CrisisLine),
});
export const CrisisLinesFile = Type.Object({
  reviewedOn: Type.String(),
  source: Type.String(),
  directory: Type.Object({ name: Type.String(), url: Type.String() }),
  countries: Type.Record(Type.String({ pattern: '^[A-Z]{2}$' }), CountryEntry),
});
export type CrisisLinesFile = Static<typeof CrisisLinesFile>;

export const CrisisHelpQuery = Type.Object({ country: Type.Optional(Type.String({ maxLength: 2 })) });
export const CrisisHelp = Type.Object({
  country: Type.Union([Type.String(), Type.Null()]),
  countryName: Type.Union([Type.String(), Type.Null()]),
  chosenBy: Type.Union([
    Type.Literal('query'),
    Type.Literal('member'),
    Type.Literal('browser'),
    Type.Literal('default'),
    Type.Null(),
  ]),
  emergency: Type.Array(EmergencyNumber),
  lines: Type.Array(CrisisLine),
  directory: Type.Object({ name: Type.String(), url: Type.String() }),
  reviewedOn: Type.String(),
  countries: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
});
export type CrisisHelp = Static<typeof CrisisHelp>;

/** Deleting one's account asks for the passphrase once more. */
export const DeleteAccountBody = Type.Object({ passphrase: AnyPassphrase }, { additionalProperties: false });
export type DeleteAccountBody = Static<typeof DeleteAccountBody>;
