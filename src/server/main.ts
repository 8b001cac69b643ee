import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './platform/config/config.js';
import { openMigratedDatabase } from './platform/db/open.js';
import { connectRedis } from './platform/redis/redis.js';

/** Composition root: settings → database → migrations → Redis → app → listen. */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openMigratedDatabase(config);
  const redis = connectRedis(config.REDIS_URL, (err) => console.error(JSON.stringify({ level: 40, msg: 'Redis is not answering', err: err.message })));
  const app = await buildApp({ config, database, redis });

  // SIGTERM/SIGINT: stop accepting, let requests in flight finish, then close the database.
  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error');
    else app.log.info({ signal }, 'shutting down');
    await app.close();
    await database.db.destroy();
    redis?.disconnect();
  });

  await app.listen({ port: config.PORT, host: config.HOST });
  const where = config.DATABASE_URL ? 'PostgreSQL' : 'SQLite in ' + config.DATA_DIR;
  app.log.info(`Kindred is ready on http://${['0.0.0.0', '127.0.0.1', '::'].includes(config.HOST) ? 'localhost' : config.HOST}:${config.PORT} (database: ${where}${config.REDIS_URL ? ', Redis' : ''})`);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error('Kindred could not start:', err);
  process.exit(1);
});
