import { workerImportJsonSchema } from "~/domain/workers/import-format";

/** JSON Schema of one import row, generated from the shared zod schema (so it cannot drift from validation). */
export const loader = () => Response.json(workerImportJsonSchema());
