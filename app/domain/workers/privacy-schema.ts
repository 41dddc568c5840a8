import { z } from "../zod-messages";

/** Erasing a worker needs the agency to confirm that the worker asked for it (the page's checkbox). */
export const EraseWorkerSchema = z.object({
  confirm: z.literal("on", { error: "privacy.must_confirm" }),
});
