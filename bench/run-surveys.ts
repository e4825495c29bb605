/** `npm run bench:surveys [-- answers clients analysed rate]`: answer submissions and the analysis on the local PostgreSQL. */
import { benchSurveys } from './surveys.js';

const pgUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const [answers = 20_000, clients = 100, analysed = 500_000, rate = 1_000] = process.argv.slice(2).map(Number);
console.log(`## Surveys on PostgreSQL (${new Date().toISOString().slice(0, 10)})`);
console.log(JSON.stringify(await benchSurveys(pgUrl, { answers, clients, analysed, rate }, (s) => console.log(s)), null, 2));
