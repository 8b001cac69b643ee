import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import ajvErrors from 'ajv-errors';
import type { Redis } from 'ioredis';
import { cookieSecure, type Config } from './platform/config/config.js';
import type { Database } from './platform/db/dialect/index.js';
import { authPlugin } from './platform/http/auth.js';
import { errorHandler, frameworkErrorHandler } from './platform/http/errors.js';
import { healthRoutes } from './platform/http/health.js';
import { rateLimitSecret, registerRateLimits } from './platform/http/rate-limit.js';
import { rejectNulBytes } from './platform/http/input.js';
import { sessionCookie } from './platform/http/session-cookie.js';
import { registerWebClient } from './platform/http/web.js';
import { loggerOptions } from './platform/observability/logging.js';
import { metricsPlugin } from './platform/observability/metrics.js';
import { accountsRoutes } from './modules/accounts/accounts.routes.js';
import { createAccountsService } from './modules/accounts/accounts.service.js';
import { groupsRoutes } from './modules/groups/groups.routes.js';
import { createGroupsService } from './modules/groups/groups.service.js';
import { createGroupStaffService } from './modules/groups/groups.staff.js';
import { createCrisisLinesService } from './modules/safety/crisis-lines.js';
import { safetyRoutes } from './modules/safety/safety.routes.js';
import { assessText, reviewReplyCare, type Assess } from './modules/safety/assess.js';
import { createSafetyService, type ReplyCareCheck } from './modules/safety/safety.service.js';
import { postsRoutes } from './modules/posts/posts.routes.js';
import { createPostsService } from './modules/posts/posts.service.js';
import { searchRoutes } from './modules/search/search.routes.js';
import { createSearchService } from './modules/search/search.service.js';
import { notificationsRoutes } from './modules/notifications/notifications.routes.js';
import { createNotificationsService } from './modules/notifications/notifications.service.js';
import { profileRoutes } from './modules/accounts/profile.routes.js';
import { EventBus } from './platform/events/bus.js';
import { accountDataRoutes } from './modules/accounts/account-data.routes.js';
import { createAccountDataService } from './modules/accounts/account-data.service.js';
import { groupsMemberData } from './modules/groups/groups.member-data.js';
import { postsMemberData } from './modules/posts/posts.member-data.js';
import { notificationsMemberData } from './modules/notifications/notifications.member-data.js';
import { safetyMemberData } from './modules/safety/safety.member-data.js';
import { createRealtime, type Realtime } from './platform/realtime/realtime.js';
import { createLimiter } from './platform/realtime/limits.js';
import { createMessagingService } from './modules/messaging/messaging.service.js';
import { messagingRoutes } from './modules/messaging/messaging.routes.js';
import { messagingSocket } from './modules/messaging/messaging.socket.js';
import { messagingMemberData } from './modules/messaging/messaging.member-data.js';
import { notificationsSocket } from './modules/notifications/notifications.socket.js';
import { createFlagsService } from './modules/moderation/flags.service.js';
import { flagsRoutes } from './modules/moderation/flags.routes.js';
import { moderationRoutes } from './modules/moderation/moderation.routes.js';
import { moderationSocket } from './modules/moderation/moderation.socket.js';
import { createOversightService } from './modules/moderation/oversight.service.js';
import { createReportsService } from './modules/moderation/reports.service.js';
import { createReviewService } from './modules/moderation/review.service.js';
import { createSanctionsService } from './modules/moderation/sanctions.service.js';
import { createTrustService, type TrustService } from './modules/moderation/trust.service.js';
import { createSupportService, type SupportService } from './modules/support/support.service.js';
import { supportRoutes } from './modules/support/support.routes.js';
import { supportSocket } from './modules/support/support.socket.js';
import { blocksRoutes } from './modules/blocks/blocks.routes.js';
import { createBlocksService } from './modules/blocks/blocks.service.js';
import { blocksMemberData } from './modules/blocks/blocks.member-data.js';
import { createListenersService } from './modules/listeners/listeners.service.js';
import { createListenerDutyService } from './modules/listeners/listeners.duty.js';
import { facilitatorsMemberData } from './modules/facilitators/facilitators.member-data.js';
import { facilitatorsRoutes } from './modules/facilitators/facilitators.routes.js';
import { createFacilitatorsService } from './modules/facilitators/facilitators.service.js';
import { listenersRoutes } from './modules/listeners/listeners.routes.js';
import { listenersMemberData } from './modules/listeners/listeners.member-data.js';
import { createMeetingsService } from './modules/meetings/meetings.service.js';
import { meetingsRoutes } from './modules/meetings/meetings.routes.js';
import { createMeetingReminders, REMINDERS_EVERY_MS, type MeetingReminders } from './modules/meetings/meetings.reminders.js';
import { meetingsMemberData } from './modules/meetings/meetings.member-data.js';
import { createJobs, type Jobs } from './platform/jobs/jobs.js';
import { createMeetingRoomService, type MeetingRoomService } from './modules/meetings/meetings.room.js';
import { meetingRoomRoutes } from './modules/meetings/meetings.room.routes.js';
import { meetingRoomSocket, whoIsHereIn } from './modules/meetings/meetings.room.socket.js';
import { meetingRoomMemberData } from './modules/meetings/meetings.room.member-data.js';
import { createResourcesService } from './modules/resources/resources.service.js';
import { resourcesRoutes } from './modules/resources/resources.routes.js';
import { resourcesMemberData } from './modules/resources/resources.member-data.js';
import { createSelfCheckService } from './modules/selfcheck/selfcheck.service.js';
import { selfCheckRoutes } from './modules/selfcheck/selfcheck.routes.js';
import { selfCheckMemberData } from './modules/selfcheck/selfcheck.member-data.js';
import { createMoodsService } from './modules/moods/moods.service.js';
import { moodsRoutes } from './modules/moods/moods.routes.js';
import { moodsMemberData } from './modules/moods/moods.member-data.js';
import { loadJournalKeyring } from './modules/journal/journal.crypto.js';
import { journalMemberData } from './modules/journal/journal.member-data.js';
import { journalRoutes } from './modules/journal/journal.routes.js';
import { createJournalService } from './modules/journal/journal.service.js';

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: { method: string; url: string }[];
    /** Socket.IO on this server: tests and the bench reach it here. */
    realtime: Realtime;
    /** The listener queue: tests run its sweep and matching directly rather than waiting for the timer. */
    support: SupportService;
    /** The domain events, published after commit: the real-time layer and the tests listen here. */
    events: EventBus;
    /** Trust levels: tests work levels out and run the sweep directly rather than waiting for it. */
    trust: TrustService;
    /** Background jobs (in-process timers, or BullMQ when Redis is configured): modules register theirs here. */
    jobs: Jobs;
    /** Meeting reminders: tests run a pass directly rather than waiting for the job. */
    meetingReminders: MeetingReminders;
    /** Meeting rooms: tests run the leader check and the sweep directly rather than waiting for the timer. */
    meetingRoom: MeetingRoomService;
  }
}

export interface AppDeps {
  config: Config;
  database: Database;
  redis: Redis | null;
  /** Where the built web client lives; defaults to dist/web. */
  webDir?: string;
  /** Where logs go; stdout unless a test listens. */
  logStream?: { write(line: string): void };
  /** The risk engine; the safety module's own unless a test supplies a stand-in. */
  assess?: Assess;
  /** Reply-with-care guidance; the safety module's own unless a test supplies a stand-in. */
  replyCare?: ReplyCareCheck;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const defaultWebDir = path.resolve(here, '../../dist/web');

/**
 * Builds Kindred's HTTP server. This file is the table of contents: platform plugins
 * first, then each module, registered explicitly.
 */
export async function buildApp({ config, database, redis, webDir = defaultWebDir, logStream, assess = assessText, replyCare = reviewReplyCare }: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(config.LOG_LEVEL, logStream),
    bodyLimit: config.BODY_LIMIT_BYTES,
    // Named proxies only: Fastify ignores a bare hop count, since it cannot tell a proxy from a client.
    trustProxy: config.TRUST_PROXY.trim() ? config.TRUST_PROXY : false,
    ajv: { customOptions: { allErrors: true }, plugins: [ajvErrors as never] },
    frameworkErrors: frameworkErrorHandler,
    return503OnClosing: true,
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Every route as registered: the OpenAPI test checks that none under /api/v1 is undocumented.
  const routeTable: { method: string; url: string }[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routeTable.push({ method, url: route.url });
  });

  const secure = cookieSecure(config);
  const { db } = database;

  // --- platform ---
  app.setErrorHandler(errorHandler);
  app.addHook('preValidation', rejectNulBytes);
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(secure ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    hsts: secure,
  });
  // Nothing in Kindred is for search engines.
  app.addHook('onSend', async (_request, reply) => {
    reply.header('X-Robots-Tag', 'noindex, nofollow, noarchive');
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Kindred API', version: '1', description: 'The HTTP API behind the Kindred web client.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: sessionCookie(secure).name },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
    },
  });
  await registerRateLimits(app, { redis, secret: await rateLimitSecret(db) });
  await app.register(metricsPlugin, { token: config.METRICS_TOKEN });

  // --- modules ---
  const cookieJar = sessionCookie(secure);
  const crisisLines = createCrisisLinesService();
  const bus = new EventBus((err, name) => app.log.error({ err, event: name }, 'an event handler failed'));
  const groups = createGroupsService({ db });
  const groupStaff = createGroupStaffService({ db, groups, bus });
  const accounts = createAccountsService({ db, sessionDays: config.SESSION_DAYS, knownCountries: crisisLines.knownCountries, bus, moderatedGroups: groupStaff.moderatedGroups });
  app.decorate('events', bus);
  const blocks = createBlocksService({ db, accounts, bus });
  const listeners = createListenersService({ db, bus });
  const facilitators = createFacilitatorsService({ db });
  // The queue reads on-duty listeners from here (onDutyListeners, profileOf).
  const listenerDuty = createListenerDutyService({ db, bus, dailyCapMinutes: config.LISTENER_DAILY_CAP_MINUTES });
  const search = createSearchService({ db, dialect: database.dialect, groups });
  const safety = createSafetyService({ db, assess, replyCare });
  // Trust levels: limits per level, holds for new members' links and repeated words, and the level itself.
  const trust = createTrustService({
    db,
    bus,
    redis,
    limits: { postsPerHour: config.POSTS_PER_HOUR, repliesPerHour: config.REPLIES_PER_HOUR, messagesPerMinute: config.MESSAGES_PER_MINUTE },
    log: app.log,
  });
  app.decorate('trust', trust);
  trust.start();
  app.addHook('onClose', async () => trust.close());
  const posts = createPostsService({ db, groups, search, safety, bus, blocks, trust });
  const notifications = createNotificationsService({ db, bus, blocks });
  // Work that runs every so often, on one node at a time when Redis is configured.
  const jobs = createJobs({ redis, log: app.log });
  app.decorate('jobs', jobs);
  app.addHook('onClose', async () => jobs.close());
  // The private journal: sealed with JOURNAL_KEYS, or with the installation's key in DATA_DIR.
  const journalKeys = loadJournalKeyring(config);
  if (journalKeys.source === 'data-dir' && config.NODE_ENV === 'production') {
    app.log.warn('JOURNAL_KEYS is not set: journal entries are sealed with the key in DATA_DIR/journal-key. Back it up, and set JOURNAL_KEYS before running more than one node.');
  }
  const journal = createJournalService({ db, keyring: journalKeys, log: app.log });
  // Every module's share of a member's data, for the export and for deleting the account.
  const accountData = createAccountDataService({ db, bus, modules: [groupsMemberData, postsMemberData(search), notificationsMemberData, safetyMemberData, blocksMemberData, messagingMemberData, listenersMemberData, facilitatorsMemberData, meetingRoomMemberData, meetingsMemberData(notifications), resourcesMemberData, journalMemberData(journalKeys), selfCheckMemberData, moodsMemberData] });
  // Live conversations: Socket.IO on this server, through Redis to every node when configured.
  const realtime = createRealtime({
    server: app.server,
    redis,
    resolve: (token) => accounts.resolveSession(token),
    cookieName: cookieJar.name,
    parseCookie: (header) => app.parseCookie(header),
    publicOrigin: config.PUBLIC_ORIGIN,
    log: app.log,
  });
  app.decorate('realtime', realtime);
  app.addHook('preClose', async () => realtime.close());
  const messaging = createMessagingService({
    db,
    dialect: database.dialect,
    groups,
    safety,
    bus,
    presence: realtime.presence,
    trust,
  });
  messagingSocket({ realtime, messaging, blocks, bus, log: app.log, typingLimiter: createLimiter(redis, { name: 'typing', points: 30, seconds: 60, message: 'Slow down a little.' }) });
  notificationsSocket({ realtime, notifications, bus });
  const support = createSupportService({ db, safety, messaging, bus, requestTimeoutMinutes: config.SUPPORT_REQUEST_TIMEOUT_MINUTES, retentionDays: config.SUPPORT_RETENTION_DAYS });
  app.decorate('support', support);
  supportSocket({ realtime, support, bus, log: app.log });
  // The live room of a meeting: a conversation of kind `meeting` with the facilitators' tools around it.
  const meetingRoom = createMeetingRoomService({ db, groups, messaging, support, bus, deleteMessages: config.MEETING_DELETE_MESSAGES === 'true', whoIsHere: whoIsHereIn(realtime) });
  app.decorate('meetingRoom', meetingRoom);
  meetingRoomSocket({ realtime, room: meetingRoom, bus, jobs, log: app.log });
  const review = createReviewService({ db, posts, messaging, bus });
  // Facilitated meetings: scheduling, RSVPs and the waitlist; reminders 24 hours and 15 minutes before, every minute.
  const meetings = createMeetingsService({ db, groups, notifications });
  const meetingReminders = createMeetingReminders({ db, notifications });
  app.decorate('meetingReminders', meetingReminders);
  jobs.every('meeting-reminders', REMINDERS_EVERY_MS, async () => {
    await meetingReminders.run();
  });
  moderationSocket({ realtime, bus, db });
  // The resource library: articles admins write; anyone reads the published ones.
  const resources = createResourcesService({ db });

  await app.register(authPlugin, { resolve: (token) => accounts.resolveSession(token), cookie: cookieJar, publicOrigin: config.PUBLIC_ORIGIN });

  await app.register(
    async (api) => {
      await api.register(
        accountsRoutes({
          accounts,
          cookie: cookieJar,
          knownCountries: crisisLines.knownCountries,
          limits: {
            signUpPerHour: config.SIGNUP_LIMIT_PER_HOUR,
            logInPer15Min: config.LOGIN_LIMIT_PER_15_MIN,
            recoveryPerHour: config.RECOVERY_LIMIT_PER_HOUR,
          },
        }),
      );
      await api.register(groupsRoutes({ groups, staff: groupStaff }));
      await api.register(safetyRoutes({ crisisLines, safety, defaultCountry: config.DEFAULT_COUNTRY }));
      await api.register(postsRoutes({ posts }));
      await api.register(searchRoutes({ search }));
      await api.register(notificationsRoutes({ notifications }));
      await api.register(profileRoutes({ accounts, groups, blocks }));
      await api.register(blocksRoutes({ blocks }));
      await api.register(messagingRoutes({ messaging }));
      await api.register(supportRoutes({ support }));
      await api.register(flagsRoutes({ flags: createFlagsService({ db }) }));
      await api.register(
        moderationRoutes({
          reports: createReportsService({ db, bus }),
          review,
          sanctions: createSanctionsService({ db, bus, review, groupStaff }),
          oversight: createOversightService({ db }),
          groupStaff,
        }),
      );
      await api.register(listenersRoutes({ listeners, duty: listenerDuty }));
      await api.register(facilitatorsRoutes({ facilitators }));
      await api.register(meetingsRoutes({ meetings, publicOrigin: config.PUBLIC_ORIGIN }));
      await api.register(meetingRoomRoutes({ room: meetingRoom }));
      await api.register(resourcesRoutes({ resources }));
      await api.register(selfCheckRoutes({ selfCheck: createSelfCheckService({ db }) }));
      await api.register(moodsRoutes({ moods: createMoodsService({ db, rule: { lowDays: config.MOOD_LOW_DAYS, windowDays: config.MOOD_LOW_WINDOW_DAYS, lowAt: config.MOOD_LOW_AT } }) }));
      await api.register(journalRoutes({ journal }));
      await api.register(accountDataRoutes({ accountData, cookie: cookieJar }));
    },
    { prefix: '/api/v1' },
  );

  // --- operations ---
  await app.register(healthRoutes({ db, redis }));
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await registerWebClient(app, webDir);

  if (config.SEED_DEFAULT_GROUPS === 'true') {
    app.addHook('onReady', async () => {
      if (await groups.seedDefaults()) app.log.info('created the default groups');
      if (await resources.seedDefaults()) app.log.info('added the starter articles to the resource library');
    });
  }
  return app;
}
