import { describe, expect, it } from "vitest";
import { checkSameOrigin, type RequestFacts } from "~/web/csrf";

const req = (r: Partial<RequestFacts>): RequestFacts => ({
  method: "POST",
  path: "/signup",
  host: "localhost:3000",
  origin: undefined,
  referer: undefined,
  secFetchSite: undefined,
  authorization: undefined,
  cookie: undefined,
  ...r,
});

describe("same-origin check for mutating requests", () => {
  it("lets safe methods through", () => {
    for (const method of ["GET", "HEAD", "OPTIONS"])
      expect(checkSameOrigin(req({ method, origin: "https://evil.example" }))).toBeNull();
  });
  it("accepts a same-origin POST, by Origin or by Referer", () => {
    expect(checkSameOrigin(req({ origin: "http://localhost:3000" }))).toBeNull();
    expect(checkSameOrigin(req({ referer: "http://localhost:3000/signup?x=1" }))).toBeNull();
  });
  it("refuses a foreign Origin, a foreign Referer, an opaque origin and Sec-Fetch-Site: cross-site", () => {
    expect(checkSameOrigin(req({ origin: "https://evil.example" }))).toBe("cross-site");
    expect(checkSameOrigin(req({ referer: "https://evil.example/x" }))).toBe("cross-site");
    expect(checkSameOrigin(req({ origin: "http://localhost:3001" }))).toBe("cross-site");
    expect(checkSameOrigin(req({ origin: "null" }))).toBe("missing-origin");
    expect(checkSameOrigin(req({ origin: "http://localhost:3000", secFetchSite: "cross-site" }))).toBe("cross-site");
  });
  it("refuses a POST that says nothing of where it came from", () => {
    expect(checkSameOrigin(req({}))).toBe("missing-origin");
    expect(checkSameOrigin(req({ method: "DELETE" }))).toBe("missing-origin");
  });
  it("exempts API calls with a bearer key, and only those", () => {
    expect(checkSameOrigin(req({ path: "/api/v1/job-orders", authorization: "Bearer jmb_x" }))).toBeNull();
    expect(checkSameOrigin(req({ path: "/signup", authorization: "Bearer jmb_x" }))).toBe("missing-origin");
  });
  it("lets a credential-less API call through (the API answers 401), but not one that carries cookies", () => {
    expect(checkSameOrigin(req({ path: "/api/v1/job-orders" }))).toBeNull();
    expect(checkSameOrigin(req({ path: "/api/v1/job-orders", origin: "https://evil.example" }))).toBeNull();
    expect(checkSameOrigin(req({ path: "/api/v1/job-orders", cookie: "jmb_session=abc" }))).toBe("missing-origin");
    expect(
      checkSameOrigin(req({ path: "/api/v1/job-orders", cookie: "jmb_session=abc", origin: "https://evil.example" })),
    ).toBe("cross-site");
    expect(checkSameOrigin(req({ path: "/api/v1/job-orders", authorization: "Basic eDp5" }))).toBe("missing-origin");
    expect(checkSameOrigin(req({ path: "/signup" }))).toBe("missing-origin");
  });
});
