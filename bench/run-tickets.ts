/** `npm run bench:tickets [-- N]`: the work-order benchmarks on the local PostgreSQL (default 1,000,000 tickets). */
import { benchTickets } from './tickets.js';

const pgUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const total = Number(process.argv[2] ?? 1_000_000);
console.log(`## Work orders on PostgreSQL with ${total.toLocaleString('en')} tickets (${new Date().toISOString().slice(0, 10)})`);
const r = await benchTickets(pgUrl, total, (s) => console.log(s));
console.log(JSON.stringify(r, null, 2));
