// A platform process for benchmarks: boots like `npm start` (without the demo organisation) and prints its port
// on stdout. BENCH_SEED_KNOWLEDGE=true loads the FAQ starter pack (and the law corpus when present) first, so the
// turns do real matching.
import { bootBase, bootPlatform } from '../../../bots/bootstrap.js';
import { gracefulCloser } from '../../../bots/http/graceful-close.js';
import { seedKnowledgeIfEmpty } from '../../../bots/knowledge/seed-knowledge.js';

const base = await bootBase();
if (process.env.BENCH_SEED_KNOWLEDGE === 'true') await seedKnowledgeIfEmpty(base);
const platform = await bootPlatform(base);
if (base.env.WORKERS_IN_PROCESS) await platform.startWorkers();
const server = platform.createHttpApp().listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
});
const closer = gracefulCloser(server);
// Like the server: requests in flight at the end of a run are answered before the database closes.
process.on('SIGTERM', async () => {
  await closer.close(5000);
  await platform.stop();
  await base.database.close();
  process.exit(0);
});
