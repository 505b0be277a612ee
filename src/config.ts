import { z } from "zod";
import { isTimeZone } from "./i18n/zones.ts";

/** Settings read from the environment once at start; everything else has a sensible default. */
const environment = z.object({
  // A blank PORT= would coerce to 0 (a random port): treat it as unset instead.
  PORT: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.coerce.number().int().min(0).max(65535).default(3000),
  ),
  DATABASE_URL: z.string().trim().min(1).default("./data/skillshelf.db"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  BASE_URL: z
    .string()
    .url()
    .optional()
    .transform((url) => url?.replace(/\/+$/, "")),
  NODE_ENV: z.string().default("development"),
  // db: PostgreSQL connections each server process keeps at most (ignored on SQLite).
  DATABASE_POOL_MAX: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.coerce.number().int().min(1).max(200).default(10),
  ),
  // accounts: "1" when a reverse proxy sets X-Forwarded-For (sign-in rate limits then count its last hop).
  TRUST_PROXY: z.enum(["0", "1", "true", "false"]).default("0"),
  // accounts: signs session cookies; when absent one is generated and kept in the database (meta table).
  BETTER_AUTH_SECRET: z.string().min(32).optional(),
  // interop: an upload still being read after this many seconds is stopped (src/interop/guarded).
  IMPORT_TIMEOUT_SECONDS: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.coerce.number().positive().max(3600).default(60),
  ),
  // interop: heap of the worker that reads one upload, in MB.
  IMPORT_MEMORY_MB: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.coerce.number().int().min(64).max(16384).default(768),
  ),
  // ui: "off" renders every public page (the bench measures rendering so); on by default.
  PAGE_CACHE: z.enum(["on", "off", "1", "0", "true", "false"]).default("on"),
  // api: "off" searches afresh for every /api/v1/search answer (the bench's uncached figure); on by default.
  SEARCH_CACHE: z.enum(["on", "off", "1", "0", "true", "false"]).default("on"),
  // readers: MB of published editions' big outputs (whole-tree JSON, CASE package) kept in memory.
  OUTPUT_CACHE_MB: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.coerce.number().int().min(0).max(65536).default(128),
  ),
  // interop: largest file an import reads (CASE and Skillshelf JSON; the wizard's upload limit too), in MB.
  IMPORT_MAX_MB: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.coerce.number().positive().max(4000).default(200),
  ),
  // assessments: largest evidence file a person may attach to an assessment, in MB (1,048,576 bytes).
  EVIDENCE_MAX_MB: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.coerce.number().positive().max(100).default(10),
  ),
  // assessments: all evidence files of one assessment together, in MB: the database holds them.
  EVIDENCE_TOTAL_MAX_MB: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.coerce.number().positive().max(10_000).default(100),
  ),
  // ops: "1" serves /metrics to anyone who can reach it; a token serves it only to scrapes that send it.
  METRICS: z.enum(["0", "1", "true", "false"]).default("0"),
  METRICS_TOKEN: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.string().min(16, "must be at least 16 characters").optional(),
  ),
  // mail: smtp://user:pass@host:port (or smtps://); unset: messages are logged and links shown to copy.
  SMTP_URL: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z
      .string()
      .trim()
      .refine((v) => /^smtps?:\/\/[^\s]+$/.test(v) && URL.canParse(v), "must be an smtp:// or smtps:// URL")
      .optional(),
  ),
  // mail: the sender of every message.
  MAIL_FROM: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.string().trim().max(320).optional(),
  ),
  // assessments: how often the server sends due reminders (minutes); 0 never (`skillshelf reminders` still does).
  REMINDERS_EVERY_MINUTES: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.coerce.number().int().min(0).max(10080).default(60),
  ),
  // assessments: days before a step's due date that a reminder goes out, e.g. "7,1".
  REMINDER_DAYS_BEFORE: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z
      .string()
      .regex(/^\s*\d{1,3}(\s*,\s*\d{1,3})*\s*$/, "must be whole numbers of days separated by commas, e.g. 7,1")
      .default("7,1"),
  ),
  // people: the instance's time zone (IANA name): "today" and the times shown for organisations without their own.
  TIME_ZONE: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v),
    z
      .string()
      .refine(isTimeZone, "must be a time zone name this server knows (IANA), e.g. America/Toronto, or UTC")
      .default("UTC"),
  ),
});

export interface Config {
  port: number;
  databaseUrl: string;
  /** PostgreSQL's pool size per process. */
  databasePoolMax: number;
  logLevel: z.infer<typeof environment>["LOG_LEVEL"];
  /** Public origin used in printouts and API links; defaults to http://localhost:PORT. */
  baseUrl: string;
  production: boolean;
  /** Honour X-Forwarded-For (last hop) as the client address. */
  trustProxy: boolean;
  /** Secret for signing session cookies; generated and stored in the database when not given. */
  authSecret?: string;
  /**
   * Limits of reading an imported file (src/interop/guarded/parse-upload.ts): the worker's time and
   * heap, and the largest file accepted (decimal bytes: IMPORT_MAX_MB × 1,000,000).
   */
  importParse: { timeoutMs: number; maxOldGenerationSizeMb: number; maxBytes: number };
  /** Evidence files of assessments (src/assessments/evidence): the largest accepted, in bytes. */
  evidence: { maxBytes: number; totalMaxBytes: number };
  /** Keep rendered public pages (src/ui/page-cache.ts); off only to measure rendering. */
  pageCache: boolean;
  /** Keep /api/v1/search answers per search index (src/api/search-answers.ts); off only to measure searching. */
  searchCache: boolean;
  /** Bytes of published editions' big outputs (whole-tree JSON, CASE package) kept in memory, in MB (src/editions/outputs.ts). */
  outputCacheMb?: number;
  /** /metrics (src/ops/metrics.ts): served when enabled, to bearers of the token when there is one. */
  metrics: { enabled: boolean; token?: string };
  /** Outgoing mail (src/mail): without an SMTP URL messages are logged, not sent. */
  mail: { smtpUrl?: string; from: string };
  /**
   * Reminders of review cycles (src/assessments/reminders): how often the server process runs the job
   * (0: never; it runs only when mail is configured) and how many days before a due date they go out.
   */
  reminders: { everyMinutes: number; daysBefore: number[] };
  /**
   * The instance's time zone (decision 054): an organisation without its own has its "today" (due
   * dates, reminders) and its times shown in this zone. "UTC" unless configured.
   */
  timeZone: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environment.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`invalid configuration:\n  ${lines.join("\n  ")}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    databasePoolMax: e.DATABASE_POOL_MAX,
    logLevel: e.LOG_LEVEL,
    baseUrl: e.BASE_URL ?? `http://localhost:${e.PORT}`,
    production: e.NODE_ENV === "production",
    trustProxy: e.TRUST_PROXY === "1" || e.TRUST_PROXY === "true",
    authSecret: e.BETTER_AUTH_SECRET,
    importParse: {
      timeoutMs: Math.round(e.IMPORT_TIMEOUT_SECONDS * 1000),
      maxOldGenerationSizeMb: e.IMPORT_MEMORY_MB,
      maxBytes: Math.round(e.IMPORT_MAX_MB * 1_000_000),
    },
    evidence: {
      maxBytes: Math.round(e.EVIDENCE_MAX_MB * 1024 * 1024),
      totalMaxBytes: Math.round(e.EVIDENCE_TOTAL_MAX_MB * 1024 * 1024),
    },
    pageCache: !["off", "0", "false"].includes(e.PAGE_CACHE),
    searchCache: !["off", "0", "false"].includes(e.SEARCH_CACHE),
    outputCacheMb: e.OUTPUT_CACHE_MB,
    metrics: {
      enabled: e.METRICS === "1" || e.METRICS === "true" || e.METRICS_TOKEN !== undefined,
      token: e.METRICS_TOKEN,
    },
    mail: {
      smtpUrl: e.SMTP_URL,
      from: e.MAIL_FROM ?? `Skillshelf <no-reply@${new URL(e.BASE_URL ?? "http://localhost").hostname}>`,
    },
    reminders: {
      everyMinutes: e.REMINDERS_EVERY_MINUTES,
      daysBefore: [...new Set(e.REMINDER_DAYS_BEFORE.split(",").map((n) => Number(n.trim())))]
        .filter((n) => n > 0)
        .sort((a, b) => b - a),
    },
    timeZone: e.TIME_ZONE,
  };
}
