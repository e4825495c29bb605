import { eq } from 'drizzle-orm';
import { NewPassword } from '@qloop/contracts';
import type { Config } from './config.js';
import { ConfigError } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { migrate } from './db/migrate.js';
import { appSettings } from './db/schema/index.js';
import { randomToken } from './lib/crypto.js';
import { ensurePortalUser, hasUsers, seedCategories, seedDemo, seedFirstAdmin } from './seed/seed.js';
import { seedDemoTickets } from './seed/seed-demo-tickets.js';
import { seedDemoClocks } from './seed/seed-demo-clocks.js';
import { seedDemoWarnings } from './seed/seed-demo-warnings.js';
import { seedDemoSurveys } from './seed/seed-demo-surveys.js';
import { seedDemoCampaigns } from './seed/seed-demo-campaigns.js';

/**
 * Opens the database, applies migrations and, on the first start, seeds demo data or the first
 * administrator. Returns the database and the secret used to derive CSRF tokens.
 */
export async function bootstrap(
  config: Config,
  askPassword?: () => Promise<string>,
): Promise<{ database: Database; sessionSecret: string; seeded: 'demo' | 'admin' | null }> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrate(database.sql);
  let seeded: 'demo' | 'admin' | null = null;
  await database.sql.withLock(7_461_003, async () => {
    await seedCategories(database.db);
    if (await hasUsers(database.db)) return;
    if (config.demo) {
      const now = new Date();
      await seedDemo(database.db, now);
      await seedDemoTickets(database.db, { count: config.demoTickets, now });
      await seedDemoClocks(database.db, now);
      await seedDemoWarnings(database.db, now);
      await seedDemoSurveys(database.db, now);
      await seedDemoCampaigns(database.db, now);
      seeded = 'demo';
      return;
    }
    const password = config.adminPassword ?? (askPassword ? await askPassword() : undefined);
    if (!password) {
      throw new ConfigError(
        'First start without demo data: set QLOOP_ADMIN_PASSWORD or run interactively to choose the administrator password.',
      );
    }
    const check = NewPassword.safeParse(password);
    if (!check.success) throw new ConfigError(`Administrator password rejected: ${check.error.issues[0]?.message}`);
    await seedFirstAdmin(database.db, password);
    seeded = 'admin';
  });
  await ensurePortalUser(database.db);
  return { database, sessionSecret: config.sessionSecret ?? (await storedSecret(database)), seeded };
}

/** A random secret kept in the database, shared by every instance that uses it. */
async function storedSecret(database: Database): Promise<string> {
  const { db } = database;
  await db
    .insert(appSettings)
    .values({ key: 'session_secret', value: randomToken(48) })
    .onConflictDoNothing();
  const [row] = await db.select().from(appSettings).where(eq(appSettings.key, 'session_secret'));
  return row!.value as string;
}
