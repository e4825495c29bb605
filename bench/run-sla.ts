/** `npm run bench:sla`: the SLA sweep at 100k and 1M open tickets and addBusinessMinutes throughput (issue #4). */
import { benchAddBusinessMinutes, benchSlaSweep } from './sla-sweep.js';

const pgUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
console.log(`## SLA on PostgreSQL (${new Date().toISOString().slice(0, 10)})`);
console.log('addBusinessMinutes, 72-hour targets:', JSON.stringify(benchAddBusinessMinutes()));
const rows = await benchSlaSweep(pgUrl, (s) => console.log(s));
console.log('| open tickets | due warnings | select due (ms, median) | index | sweep s | fired | fired/s | notified | batches | select due after (ms) |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${Number(r.open).toLocaleString('en')} | ${r.due} | ${r.selectDueMs} | ${r.usesIndex ? 'yes' : 'NO'} | ${r.seconds} | ${r.fired} | ${r.perSecond} | ${r.notified} | ${r.batches} | ${r.selectAfterMs} |`);
}
