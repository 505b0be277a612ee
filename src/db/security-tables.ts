/** The security tables (migration 007), as Kysely sees them. Timestamps are ISO-8601 text. */

export interface AuthThrottleTable {
  /** "account:<email>", "address:<ip>", "device:<email>:<id>", "second-factor:<user id>". */
  key: string;
  failures: number;
  last_failure_at: string;
  next_allowed_at: string;
}

export interface SecurityEventsTable {
  id: string;
  at: string;
  kind: string;
  actor_id: string | null;
  actor_label: string | null;
  subject_id: string | null;
  subject_label: string | null;
  address: string | null;
  request_id: string | null;
  /** JSON object text, or null. */
  detail: string | null;
}
