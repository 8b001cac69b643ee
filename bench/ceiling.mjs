// The ceiling for the forum benchmark: a bare Fastify route returning a constant JSON object.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
const body = { status: 'ok', items: [] };
app.get('/', async () => body);
await app.listen({ port: Number(process.argv[2] ?? 3990), host: '127.0.0.1' });
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
