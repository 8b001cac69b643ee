import { Redis } from 'ioredis';

/** The shared Redis connection, when REDIS_URL is set; null runs everything in-process. */
export function connectRedis(url: string): Redis | null {
  if (!url) return null;
  return new Redis(url, { connectTimeout: 2000, maxRetriesPerRequest: 1, lazyConnect: false });
}
