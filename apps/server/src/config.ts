import { z } from 'zod';
import path from 'node:path';

/**
 * Configuration comes from environment variables only (see .env.example). Anything wrong stops
 * start-up with one message naming the variable, rather than failing later in an obscure place.
 */
const Env = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DATA_DIR: z.string().min(1).default('./data'),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  QLOOP_DEMO: z.enum(['0', '1']).default('1'),
  QLOOP_ADMIN_PASSWORD: z.string().optional(),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  NODE_ENV: z.string().default('development'),
  WEB_DIST: z.string().optional(),
  QLOOP_DEMO_TICKETS: z.coerce.number().int().min(0).max(1_000_000).default(3000),
  PORTAL_RATE_LIMIT: z.coerce.number().int().min(1).default(5),
  /** survey answers (and progress saves) one address may send per 10 minutes */
  SURVEY_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).default(60),
  /** ratings one address may give one scan point (扫码评价) per 10 minutes */
  SCAN_REPEAT_LIMIT: z.coerce.number().int().min(1).default(5),
  /** origin printed in scan-to-rate QR codes, e.g. https://qloop.example.com (unset: the request's own) */
  PUBLIC_BASE_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://qloop.example.com' }).refine((u) => !URL.canParse(u) || new URL(u).pathname === '/', 'an origin only, without a path').optional().or(z.literal('').transform(() => undefined)),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** Secret for signing; generated and kept in DATA_DIR when not given. */
  sessionSecret: string | undefined;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  demo: boolean;
  adminPassword: string | undefined;
  cookieSecure: 'auto' | boolean;
  trustProxy: boolean;
  production: boolean;
  webDist: string;
  /** sign-in attempts per minute from one address, on top of per-account lockout */
  loginRateLimit: number;
  /** how many demo work orders the first start generates */
  demoTickets: number;
  /** portal submissions per 10 minutes from one address */
  portalRateLimit: number;
  surveyRateLimit: number;
  scanRepeatLimit: number;
  /** origin (scheme://host[:port], no trailing slash) of public links printed in QR codes; undefined: the request's own */
  publicBaseUrl: string | undefined;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration — ${issues}. See .env.example.`);
  }
  const e = parsed.data;
  const repoRoot = path.resolve(import.meta.dirname, '../../..');
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    sessionSecret: e.SESSION_SECRET,
    logLevel: e.LOG_LEVEL,
    demo: e.QLOOP_DEMO === '1',
    adminPassword: e.QLOOP_ADMIN_PASSWORD,
    cookieSecure: e.COOKIE_SECURE === 'auto' ? 'auto' : e.COOKIE_SECURE === 'true',
    trustProxy: e.TRUST_PROXY === 'true',
    production: e.NODE_ENV === 'production',
    loginRateLimit: e.LOGIN_RATE_LIMIT,
    demoTickets: e.QLOOP_DEMO_TICKETS,
    portalRateLimit: e.PORTAL_RATE_LIMIT,
    surveyRateLimit: e.SURVEY_RATE_LIMIT,
    scanRepeatLimit: e.SCAN_REPEAT_LIMIT,
    publicBaseUrl: e.PUBLIC_BASE_URL ? new URL(e.PUBLIC_BASE_URL).origin : undefined,
    webDist: e.WEB_DIST ? path.resolve(e.WEB_DIST) : path.join(repoRoot, 'apps/web/dist'),
  };
}
