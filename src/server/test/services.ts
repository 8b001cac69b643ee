/** Where the integration tests find PostgreSQL and Redis, and whether they must. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** In CI (or when asked) a missing service fails the run instead of skipping its suites. */
export const SERVICES_REQUIRED = process.env.CI === 'true' || process.env.KINDRED_REQUIRE_SERVICES === '1';
/** Databases this run's workers create start with this; the global teardown drops them (and only them). */
export const TEST_DATABASE_PREFIX = 'kindred_t_';
