import { Redis } from 'ioredis';

/** The shared Redis connection, when REDIS_URL is set; null runs everything in-process. */
export function connectRedis(url: string, warn: (err: Error) => void = () => undefined): Redis | null {
  if (!url) return null;
  const redis = new Redis(url, { connectTimeout: 2000, maxRetriesPerRequest: 1, lazyConnect: false });
  // Without a listener ioredis prints every reconnect failure; report the first of each outage instead.
  let down = false;
  redis.on('error', (err: Error) => {
    if (!down) warn(err);
    down = true;
  });
  redis.on('ready', () => {
    down = false;
  });
  return redis;
}
