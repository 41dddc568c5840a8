// Abuse limits as data: which counter, how many points, over how long (docs/decisions/011-abuse-limits.md).

/** `points` per `durationSeconds` per key (a fixed window that starts with the key's first point). */
export interface RateRule {
  /** the counter's name, the prefix of its keys: one name per limit */
  name: string;
  points: number;
  durationSeconds: number;
}

/** Login throttling: back-off per (email, address), a failure budget per address, a slow lane per email. */
export interface LoginLimits {
  /** attempts per (email, address) checked without waiting; a success starts over */
  freeFailures: number;
  /** the wait after the last free attempt, doubling with each further one, up to `backoffMaxSeconds` */
  backoffSeconds: number;
  backoffMaxSeconds: number;
  /** failed logins from one address (any emails) per window before that address must prove itself */
  maxFailuresPerIp: number;
  /** failed logins for one email (from anywhere) per window before its attempts are slowed */
  emailSlowAfter: number;
  /** once slowed: one attempt per this many seconds for that email, from addresses it never signed in from */
  emailSlowSeconds: number;
  windowMinutes: number;
}
