import { Type, type Static } from 'typebox';

/** Blocking between members (/api/v1/me/blocks): shared by server and web (types only on the web). */

export const BlockParams = Type.Object({
  handle: Type.String({
    minLength: 1,
    maxLength: 24,
    pattern: '^[A-Za-z0-9_-]+$',
    errorMessage: 'That is not a handle Kindred knows: handles use letters, digits, _ and - only.',
  }),
});

export const BlockedMember = Type.Object({
  handle: Type.String(),
  blockedAt: Type.Number(),
});
export type BlockedMember = Static<typeof BlockedMember>;

export const BlockList = Type.Object({ items: Type.Array(BlockedMember) });
export type BlockList = Static<typeof BlockList>;
