import { z } from "zod";

// Every zod message in Jembatan is an i18n key (see app/i18n). Schemas set specific keys where a field needs
// one; this map gives the generic ones so no English sentence from zod ever reaches a user.
// Import this module (for its effect) from every schema module: it is idempotent.
z.config({
  // In the browser, the page's CSP has no 'unsafe-eval': zod's JIT would probe `new Function` (refused and
  // reported as a CSP violation). The server keeps the JIT.
  jitless: typeof document !== "undefined",
  customError: (issue) => {
    if (issue.code === "invalid_type" && issue.input === undefined) return "errors.required";
    if (issue.code === "too_small" && issue.origin === "string" && issue.minimum === 1) return "errors.required";
    if (issue.code === "too_big" && issue.origin === "string") return "errors.too_long";
    if (issue.code === "invalid_value") return "errors.choose_option";
    return "errors.invalid";
  },
});

export { z };
