import { createInterface } from 'node:readline/promises';
import { buildApp } from './app.js';
import { bootstrap } from './bootstrap.js';
import { JOBS, startJobs } from './jobs/scheduler.js';
import { sendPostTicketSurveysJob } from './jobs/send-post-ticket-surveys.js';
import { runSurveyCampaignsJob } from './jobs/run-survey-campaigns.js';
import { ConfigError, loadConfig } from './config.js';
import { DEMO_PASSWORD, DEMO_USERS } from './seed/demo-data.js';

async function askPassword(): Promise<string> {
  if (!process.stdin.isTTY) return '';
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question('No users yet. Choose the password for the administrator "admin": ');
  rl.close();
  return answer.trim();
}

async function main() {
  const config = loadConfig();
  const { database, sessionSecret, seeded } = await bootstrap(config, askPassword);
  const app = await buildApp({ config, database, sessionSecret });
  if (config.production && !config.publicBaseUrl) {
    // printed QR cards would carry whatever Host the downloading request named
    app.log.warn('PUBLIC_BASE_URL is not set: scan-to-rate QR codes take the address they are downloaded from; set it to the public origin');
  }
  // the survey sender signs links with the server's secret
  const stopJobs = startJobs(database.db, app.log, [...JOBS, sendPostTicketSurveysJob(sessionSecret), runSurveyCampaignsJob(sessionSecret)]);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: no new requests, finishing those in flight');
    app.acceptingTraffic = false;
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    await app.close();
    await stopJobs();
    await database.sql.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${config.port}`;
  const lines = [
    '',
    `  Qloop 服务质量管理平台 is running at ${url}`,
    `  API docs: ${url}/api/docs   database: ${database.sql.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL'}`,
  ];
  if (config.demo) {
    lines.push(`  Demo logins (password ${DEMO_PASSWORD} for all${seeded === 'demo' ? ', just seeded' : ''}):`);
    for (const u of DEMO_USERS) lines.push(`    ${u.username.padEnd(14)} ${u.role.padEnd(16)} ${u.displayName}`);
  }
  console.log(lines.join('\n') + '\n');
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    console.error(`Qloop cannot start: ${err.message}`);
  } else {
    console.error('Qloop failed to start:', err);
  }
  process.exit(1);
});
