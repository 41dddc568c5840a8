import { sql } from "kysely";
import type { Db } from "./client";

export interface StoredAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type Claim =
  | { kind: "claimed" }
  | { kind: "done"; fingerprint: string; answer: StoredAnswer }
  | { kind: "running"; fingerprint: string; lockedUntil: Date };

/**
 * Claims (scope, key) for one request: a new key, an expired one (older than `ttlHours`), or a running claim
 * whose lease lapsed (its process died) is claimed; otherwise the existing row is described.
 */
export async function claimIdempotencyKey(
  db: Db,
  r: { scope: string; key: string; fingerprint: string; leaseSeconds: number; ttlHours: number },
): Promise<Claim> {
  const claimed = await db
    .insertInto("idempotency_keys")
    .values({
      scope: r.scope,
      key: r.key,
      fingerprint: r.fingerprint,
      locked_until: sql<Date>`now() + make_interval(secs => ${r.leaseSeconds})`,
    })
    .onConflict((oc) =>
      oc
        .columns(["scope", "key"])
        .doUpdateSet({
          fingerprint: r.fingerprint,
          state: "running",
          locked_until: sql<Date>`now() + make_interval(secs => ${r.leaseSeconds})`,
          response_status: null,
          response_headers: null,
          response_body: null,
          created_at: sql<Date>`now()`,
        })
        .where((eb) =>
          eb.or([
            eb("idempotency_keys.created_at", "<", sql<Date>`now() - make_interval(hours => ${r.ttlHours})`),
            eb.and([
              eb("idempotency_keys.state", "=", "running"),
              eb("idempotency_keys.locked_until", "<", sql<Date>`now()`),
              eb("idempotency_keys.fingerprint", "=", r.fingerprint),
            ]),
          ]),
        ),
    )
    .returning("key")
    .executeTakeFirst();
  if (claimed) return { kind: "claimed" };
  const row = await db
    .selectFrom("idempotency_keys")
    .selectAll()
    .where("scope", "=", r.scope)
    .where("key", "=", r.key)
    .executeTakeFirst();
  if (!row) return claimIdempotencyKey(db, r); // forgotten between the two statements: claim again
  if (row.state === "done") {
    return {
      kind: "done",
      fingerprint: row.fingerprint,
      answer: {
        status: row.response_status ?? 200,
        headers: row.response_headers ?? {},
        body: row.response_body ?? "",
      },
    };
  }
  return { kind: "running", fingerprint: row.fingerprint, lockedUntil: row.locked_until };
}

export async function completeIdempotencyKey(db: Db, scope: string, key: string, answer: StoredAnswer): Promise<void> {
  await db
    .updateTable("idempotency_keys")
    .set({
      state: "done",
      response_status: answer.status,
      response_headers: JSON.stringify(answer.headers),
      response_body: answer.body,
    })
    .where("scope", "=", scope)
    .where("key", "=", key)
    .execute();
}

/** The request did not succeed: forget the key, so a retry runs it again. */
export async function releaseIdempotencyKey(db: Db, scope: string, key: string): Promise<void> {
  await db
    .deleteFrom("idempotency_keys")
    .where("scope", "=", scope)
    .where("key", "=", key)
    .where("state", "=", "running")
    .execute();
}

export async function renewIdempotencyKey(db: Db, scope: string, key: string, leaseSeconds: number): Promise<void> {
  await db
    .updateTable("idempotency_keys")
    .set({ locked_until: sql<Date>`now() + make_interval(secs => ${leaseSeconds})` })
    .where("scope", "=", scope)
    .where("key", "=", key)
    .where("state", "=", "running")
    .execute();
}

export async function forgetIdempotencyKeysBefore(db: Db, hours: number): Promise<number> {
  const r = await db
    .deleteFrom("idempotency_keys")
    .where("created_at", "<", sql<Date>`now() - make_interval(hours => ${hours})`)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/**
 * Erasure: every stored answer of the erasing organisation's keys (an answer such as a note need not name the
 * worker), and any other answer or form redirect that mentions one of these ids (the worker's, their shortlist
 * entries'), are forgotten with the person, so no replay serves their data back.
 */
export async function forgetAnswersMentioning(db: Db, ids: readonly string[], scope: string): Promise<void> {
  await db
    .deleteFrom("idempotency_keys")
    .where((eb) =>
      eb.or([
        eb("scope", "=", scope),
        ...ids.map((id) =>
          eb(
            sql<number>`position(${id} in coalesce(response_body, '') || coalesce(response_headers::text, ''))`,
            ">",
            0,
          ),
        ),
      ]),
    )
    .execute();
}
