/** Rules both the server and the web client enforce, so a form can warn before it sends. */
export const ROLES = ['member', 'listener', 'facilitator', 'moderator', 'admin'] as const;
export type Role = (typeof ROLES)[number];
/** Roles an admin can grant; everyone is a member. */
export const GRANTABLE_ROLES = ['listener', 'facilitator', 'moderator', 'admin'] as const satisfies readonly Role[];

export const HANDLE_MIN = 3;
export const HANDLE_MAX = 24;
export const HANDLE_PATTERN = '^[A-Za-z0-9_-]+$';
export const PASSPHRASE_MIN = 10;
export const PASSPHRASE_MAX = 200;

/** Languages a member can prefer. The screens are in English first; more follow. */
export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

export const GROUP_NAME_MAX = 80;
export const GROUP_DESCRIPTION_MAX = 600;
export const GROUP_RULE_MAX = 300;
export const GROUP_RULES_MAX = 20;
