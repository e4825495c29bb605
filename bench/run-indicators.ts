/** `npm run bench:indicators [-- N]`: dashboard tiles, drill-downs and warning evaluation on the local PostgreSQL (default 1,000,000 tickets over 12 months). */
import { benchIndicators } from './indicators.js';

const pgUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const total = Number(process.argv[2] ?? 1_000_000);
console.log(`## Indicators and warnings on PostgreSQL with ${total.toLocaleString('en')} tickets (${new Date().toISOString().slice(0, 10)})`);
console.log(JSON.stringify(await benchIndicators(pgUrl, total, (s) => console.log(s)), null, 2));
