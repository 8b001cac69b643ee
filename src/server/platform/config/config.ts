import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';

/**
 * Every setting Kindred reads, in one schema. The README's settings table is written from
 * the descriptions here; `loadConfig` validates the environment at boot and refuses to
 * start on a wrong value, naming the setting.
 */
export const ConfigSchema = Type.Object({
  NODE_ENV: Type.Union([Type.Literal('development'), Type.Literal('production'), Type.Literal('test')], {
    default: 'development',
    description: 'development, production or test. Production turns on Secure cookies.',
  }),
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000, description: 'HTTP port.' }),
  HOST: Type.String({ default: '127.0.0.1', description: 'Address to listen on; 0.0.0.0 to accept connections from other machines.' }),
  DATA_DIR: Type.String({ default: './data', description: 'Folder for the embedded SQLite database.' }),
  DATABASE_URL: Type.String({
    default: '',
    description: 'postgres://… selects PostgreSQL; empty uses SQLite in DATA_DIR.',
  }),
  REDIS_URL: Type.String({
    default: '',
    description: 'redis://… shares live messages (Socket.IO adapter), presence and rate limits between several app nodes.',
  }),
  LOG_LEVEL: Type.Enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    default: 'info',
    description: 'pino log level.',
  }),
  TRUST_PROXY: Type.String({
    default: '',
    pattern: '^[A-Za-z0-9.:/,\\s]*$',
    description:
      'Addresses of the reverse proxies in front of Kindred (e.g. loopback, or 10.0.0.0/8), comma-separated; their X-Forwarded-For and X-Forwarded-Host are believed. Empty believes none.',
  }),
  COOKIE_SECURE: Type.Union([Type.Literal('auto'), Type.Literal('true'), Type.Literal('false')], {
    default: 'auto',
    description: 'Secure flag on the session cookie; auto means on in production.',
  }),
  PUBLIC_ORIGIN: Type.String({
    default: '',
    pattern: '^(https?://[^/\\s]+)?$',
    description:
      'The address members use, e.g. https://support.example.org. When set, writes must come from it; when empty, from the Host the request names.',
  }),
  METRICS_TOKEN: Type.String({
    default: '',
    description: 'When set, /metrics asks for "Authorization: Bearer <token>"; keep /metrics for your monitoring only.',
  }),
  JOURNAL_KEYS: Type.String({
    default: '',
    pattern: '^[A-Za-z0-9_:+/=,\\s-]*$',
    description:
      'Keys that seal private journal entries (AES-256-GCM): "id:key,id:key", each key 32 random bytes in base64 (openssl rand -base64 32). The first seals new writes, all open. Empty uses a key Kindred makes in DATA_DIR/journal-key (fine for one node; back it up). To rotate: put a new key first, run npm run cli -- journal-rotate, then remove the old one.',
  }),
  SESSION_DAYS: Type.Integer({ minimum: 1, maximum: 365, default: 30, description: 'Days a session lasts without use.' }),
  DEFAULT_COUNTRY: Type.String({
    default: '',
    pattern: '^([A-Z]{2})?$',
    description: "Two-letter country for Get help when a visitor's browser names none (e.g. GB).",
  }),
  BODY_LIMIT_BYTES: Type.Integer({ minimum: 1024, default: 262144, description: 'Largest request body accepted.' }),
  SIGNUP_LIMIT_PER_HOUR: Type.Integer({ minimum: 1, default: 10, description: 'Sign-ups per hour from one address.' }),
  LOGIN_LIMIT_PER_15_MIN: Type.Integer({ minimum: 1, default: 20, description: 'Log-in attempts per 15 minutes from one address.' }),
  SUPPORT_REQUEST_TIMEOUT_MINUTES: Type.Integer({ minimum: 1, maximum: 24 * 60, default: 30, description: 'Minutes a request for a listener waits before it ends, kindly, with the alternatives.' }),
  SUPPORT_RETENTION_DAYS: Type.Integer({ minimum: 1, maximum: 3650, default: 30, description: 'Days a support chat stays readable by its two people after it ends; then its messages are deleted.' }),
  MESSAGES_PER_MINUTE: Type.Integer({ minimum: 1, default: 30, description: 'Chat messages a trusted member (trust level 2 or 3) may send per minute, across every node when Redis is set; newer members get a third or two thirds of it.' }),
  POSTS_PER_HOUR: Type.Integer({ minimum: 1, default: 10, description: 'Posts a trusted member (trust level 2 or 3) may write per hour; newer members get a third or two thirds of it.' }),
  REPLIES_PER_HOUR: Type.Integer({ minimum: 1, default: 60, description: 'Replies a trusted member (trust level 2 or 3) may write per hour; newer members get a third or two thirds of it.' }),
  LISTENER_DAILY_CAP_MINUTES: Type.Integer({ minimum: 1, maximum: 1440, default: 240, description: 'Most minutes a listener may spend on duty in one day (UTC); going on duty past it is refused kindly.' }),
  RECOVERY_LIMIT_PER_HOUR: Type.Integer({ minimum: 1, default: 10, description: 'Recovery attempts per hour from one address.' }),
  MOOD_LOW_DAYS: Type.Integer({ minimum: 1, maximum: 90, default: 5, description: 'Low days (a day whose mean mood is MOOD_LOW_AT or lower) within the last MOOD_LOW_WINDOW_DAYS that make a sustained low stretch, when a member is gently offered the rooms, a listener and their safety plan (once per stretch).' }),
  MOOD_LOW_WINDOW_DAYS: Type.Integer({ minimum: 1, maximum: 90, default: 7, description: 'The days, ending today, that MOOD_LOW_DAYS is counted over; at least MOOD_LOW_DAYS.' }),
  MOOD_LOW_AT: Type.Integer({ minimum: 1, maximum: 4, default: 2, description: 'A day whose mean mood (1–5) is at or below this counts as a low day.' }),
  MEETING_DELETE_MESSAGES: Type.Union([Type.Literal('true'), Type.Literal('false')], {
    default: 'true',
    description: 'Delete a meeting room’s messages when the meeting ends (members are told so on entry); only the number who came is kept.',
  }),
  SEED_DEFAULT_GROUPS: Type.Union([Type.Literal('true'), Type.Literal('false')], {
    default: 'true',
    description: 'Create the default groups and the starter articles of the resource library on first start.',
  }),
});

export type Config = Static<typeof ConfigSchema>;

const integerKeys = Object.entries(ConfigSchema.properties)
  .filter(([, s]) => (s as { type?: string }).type === 'integer')
  .map(([k]) => k);

export class ConfigError extends Error {}

/** Reads settings from an environment-like object, applying defaults; throws ConfigError naming each wrong setting. */
export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<Config> = {}): Config {
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(ConfigSchema.properties)) {
    const value = env[key];
    if (value === undefined || value === '') continue;
    raw[key] = integerKeys.includes(key) && /^-?\d+$/.test(value.trim()) ? Number(value) : value.trim();
  }
  const withDefaults = Value.Default(ConfigSchema, { ...raw, ...overrides }) as Record<string, unknown>;
  const errors = [...Value.Errors(ConfigSchema, withDefaults)];
  if (errors.length > 0) {
    const lines = errors.map((e) => `${e.instancePath.replace(/^\//, '') || 'settings'}: ${e.message}`);
    throw new ConfigError(`Kindred cannot start: these settings are not valid:\n  ${lines.join('\n  ')}`);
  }
  const config = withDefaults as Config;
  if (config.DATABASE_URL && !/^postgres(ql)?:\/\//.test(config.DATABASE_URL)) {
    throw new ConfigError('Kindred cannot start: DATABASE_URL must start with postgres:// (or be empty for SQLite).');
  }
  if (config.REDIS_URL && !/^rediss?:\/\//.test(config.REDIS_URL)) {
    throw new ConfigError('Kindred cannot start: REDIS_URL must start with redis:// or rediss://.');
  }
  if (config.MOOD_LOW_DAYS > config.MOOD_LOW_WINDOW_DAYS) {
    throw new ConfigError('Kindred cannot start: MOOD_LOW_DAYS cannot be more than MOOD_LOW_WINDOW_DAYS.');
  }
  return config;
}

/** Whether the session cookie carries the Secure flag. */
export function cookieSecure(config: Config): boolean {
  return config.COOKIE_SECURE === 'auto' ? config.NODE_ENV === 'production' : config.COOKIE_SECURE === 'true';
}
