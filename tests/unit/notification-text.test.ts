import { describe, expect, it } from "vitest";
import { notificationText } from "~/i18n/notification-text";

describe("notification text", () => {
  const params = { reference: "JO-2027-0042", title: "Assistant Waiter", path: "/job-orders/x/matches" };

  it("says how many of the agency's workers a new verified order fits, by the language's plural rules", () => {
    expect(notificationText("en", "order_fits", "text", { ...params, count: "12" })).toBe(
      "New verified job order Assistant Waiter (JO-2027-0042) fits 12 of your available workers.",
    );
    expect(notificationText("en", "order_fits", "text", { ...params, count: "1" })).toBe(
      "New verified job order Assistant Waiter (JO-2027-0042) fits one of your available workers.",
    );
    expect(notificationText("en", "order_fits", "subject", { ...params, count: "1234" })).toBe(
      "JO-2027-0042 fits 1,234 of your available workers",
    );
    expect(notificationText("id", "order_fits", "text", { ...params, count: "1" })).toBe(
      "Pesanan kerja baru terverifikasi Assistant Waiter (JO-2027-0042) cocok dengan 1 pekerja Anda yang tersedia.",
    );
    expect(notificationText("id", "order_fits", "subject", { ...params, count: "1234" })).toBe(
      "JO-2027-0042 cocok dengan 1.234 pekerja Anda yang tersedia",
    );
  });

  it("words the other notifications as before", () => {
    expect(notificationText("en", "order_filled", "text", params)).toBe(
      "Every position of job order JO-2027-0042 (Assistant Waiter) is now taken.",
    );
  });
});
