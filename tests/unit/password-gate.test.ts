import { describe, expect, it } from "vitest";
import { DomainError } from "~/domain/errors";
import { HASHES_RUNNING, HASHES_WAITING, hashPassword, verifyPassword } from "~/services/auth/crypto.server";

describe("the password-hashing gate", () => {
  it("runs a few at once, lets some wait, and sheds the rest at once as 'busy' instead of queueing them", async () => {
    const stored = await hashPassword("a long and unusual passphrase");
    const n = HASHES_RUNNING + HASHES_WAITING + 12;
    const outcomes = await Promise.allSettled(
      Array.from({ length: n }, (_, i) => verifyPassword(stored, i % 2 ? "a long and unusual passphrase" : "wrong")),
    );
    const shed = outcomes.filter((o) => o.status === "rejected");
    expect(shed).toHaveLength(12);
    for (const o of shed)
      expect((o as PromiseRejectedResult).reason).toMatchObject(
        new DomainError("unavailable", "errors.unavailable_busy"),
      );
    const answered = outcomes.flatMap((o, i) => (o.status === "fulfilled" ? [[i % 2 === 1, o.value]] : []));
    expect(answered).toHaveLength(HASHES_RUNNING + HASHES_WAITING);
    for (const [right, ok] of answered) expect(ok).toBe(right); // each answered check is still correct
    // and the gate is open again afterwards
    expect(await verifyPassword(stored, "a long and unusual passphrase")).toBe(true);
  });
});
