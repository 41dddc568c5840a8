import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { DomainError } from "~/domain/errors";

// argon2id (the library's default algorithm) with OWASP's second recommended profile: 19 MiB, 2 iterations.
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * Password hashing is the costliest thing a request can ask for (~19 MiB and tens of ms of a core each). At most
 * HASHES_RUNNING run at once per process and HASHES_WAITING wait; past that the request is shed at once (503 +
 * Retry-After: "busy") instead of queueing into a timeout. Measured with scripts/bench/load: 200 connections on
 * /login held ~40 logins/s with 130 requests timing out at 10 s before this gate; with 4 running per process (8 on 2 cores) argon2 starved the event loops and PostgreSQL of CPU, so 2.
 */
export const HASHES_RUNNING = 2;
export const HASHES_WAITING = 16;
let running = 0;
const waiting: (() => void)[] = [];

async function withHashSlot<T>(fn: () => Promise<T>): Promise<T> {
  if (running < HASHES_RUNNING) running++;
  else if (waiting.length < HASHES_WAITING) await new Promise<void>((r) => waiting.push(r));
  else throw new DomainError("unavailable", "errors.unavailable_busy");
  try {
    return await fn();
  } finally {
    const next = waiting.shift();
    if (next)
      next(); // the slot passes on; `running` stays
    else running--;
  }
}

export const hashPassword = (password: string) => withHashSlot(() => hash(password, ARGON2));

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return withHashSlot(async () => {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  });
}

// Checked against when the email is unknown, so a wrong email costs as long as a wrong password.
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword("not-a-real-password-for-timing");
  await verifyPassword(await dummyHash, password);
}

/** 32 random bytes, URL-safe. Tokens are stored only as sha256 (they carry full entropy, so no salt). */
export const randomToken = (bytes = 32) => randomBytes(bytes).toString("base64url");
export const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
