import { randomInt } from 'node:crypto';

// Calm, friendly words: a suggested handle should feel like a name someone would keep.
const FIRST = [
  'Quiet', 'Gentle', 'Brave', 'Calm', 'Kind', 'Steady', 'Hopeful', 'Warm', 'Bright', 'Patient',
  'Soft', 'Still', 'Golden', 'Silver', 'Misty', 'Sunny', 'Tender', 'Wise', 'Humble', 'Honest',
  'Cosy', 'Mellow', 'Amber', 'Velvet', 'Morning', 'Evening', 'Little', 'Wandering', 'Easy', 'Clear',
];
const SECOND = [
  'Heron', 'Otter', 'Fox', 'Owl', 'Wren', 'Badger', 'Robin', 'Finch', 'Hare', 'Deer',
  'Sparrow', 'Lark', 'Seal', 'Swan', 'Panda', 'Koala', 'Dolphin', 'Willow', 'Maple', 'Cedar',
  'River', 'Meadow', 'Fern', 'Harbor', 'Lantern', 'Pebble', 'Moss', 'Tide', 'Comet', 'Birch',
];

/** A friendly random handle such as QuietHeron42: 30 × 30 × 90 combinations. */
export function randomHandle(): string {
  return `${FIRST[randomInt(FIRST.length)]}${SECOND[randomInt(SECOND.length)]}${randomInt(10, 100)}`;
}

// Handles that could pass for the organisation or its staff, or mislead a person in distress.
const RESERVED = new Set([
  'admin', 'administrator', 'moderator', 'mod', 'mods', 'kindred', 'staff', 'support', 'system',
  'anonymous', 'anonymous-member', 'deleted', 'help', 'crisis', 'listener', 'facilitator', 'root',
  'official', 'security', 'null', 'undefined',
]);

export function handleKey(handle: string): string {
  return handle.trim().toLowerCase();
}

export function isReservedHandle(handle: string): boolean {
  return RESERVED.has(handleKey(handle));
}
