import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

function findNul(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNul(value[i], path ? `${path}.${i}` : String(i));
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = findNul(v, path ? `${path}.${k}` : k);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Refuses text with a NUL character anywhere in the body, query or path. PostgreSQL cannot
 * store it (SQLite can), so without this the same input would be a 500 on one database
 * and accepted on the other.
 */
export async function rejectNulBytes(request: FastifyRequest): Promise<void> {
  const field = findNul(request.body, '') ?? findNul(request.query, '') ?? findNul(request.params, '');
  if (field !== null) {
    throw new AppError('invalid_input', 'Some details need another look.', 400, {
      [field || '_']: 'This contains a character Kindred cannot store. Please remove it and try again.',
    });
  }
}
