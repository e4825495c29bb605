/**
 * `npm run audit:verify`: walks every audit hash chain in the configured database (DATABASE_URL or
 * DATA_DIR) and prints the first broken link. Exit code 0 when intact, 2 when broken, 1 on error.
 */
import { ConfigError, loadConfig } from '../config.js';
import { openDatabase } from '../db/client.js';
import { verifyAudit } from '../modules/audit/verify-audit.js';

async function main() {
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    const result = await verifyAudit(database.db, (chain, checked) => {
      process.stderr.write(`\rchecked chain ${chain + 1}/16, ${checked} entries`);
    });
    process.stderr.write('\n');
    if (result.ok) {
      console.log(`audit trail intact: ${result.entriesChecked} entries in ${result.chains} chains`);
      return 0;
    }
    const b = result.firstBroken!;
    console.log(`AUDIT TRAIL BROKEN at chain ${b.chain}, entry ${b.seq} (${b.reason}): ${b.message}`);
    return 2;
  } finally {
    await database.sql.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof ConfigError ? err.message : err);
    process.exit(1);
  },
);
