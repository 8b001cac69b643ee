import { randomFillSync } from 'node:crypto';
import { ulid as makeUlid } from 'ulid';

// The ulid package asks the operating system for one random byte per character (sixteen
// calls an id); drawing from a pooled buffer of the same cryptographic bytes is the same
// randomness at a fraction of the cost, which showed on every write.
const pool = Buffer.alloc(4096);
let at = pool.length;
function pooledRandom(): number {
  if (at >= pool.length) {
    randomFillSync(pool);
    at = 0;
  }
  return pool[at++]! / 256;
}

/** A new ULID: sortable by time, used for every id Kindred makes. */
export function ulid(time: number = Date.now()): string {
  return makeUlid(time, pooledRandom);
}
