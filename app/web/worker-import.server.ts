import { importModeOf, type ImportModeValue } from "~/domain/workers/import-mode";
import type { Deps } from "~/services/deps.server";
import { readImportFile } from "~/services/workers/import-workers.server";
import { utf8FileText } from "./body-rules";

// The bulk import's upload as its three routes receive it: the import page's form (workers.import.tsx), the
// same form sent to its progress channel (workers.import.stream.ts), and the API's body (api.v1.workers.import.ts).
// The body rules (body-rules.ts, applied before Remix) have already limited its size, media type and encoding;
// what each route answers (a page, NDJSON lines, the API's JSON) stays in the route.

export interface ImportUpload {
  mode: ImportModeValue;
  /** the file's text or its bytes; null when there is none to read (no file, an empty one, or not UTF-8) */
  file: string | Uint8Array | null;
}

/**
 * The import form (fields `file` and `mode`): a mode the form never offers is a field error (a DomainError,
 * thrown before the file is read); the file's text is null when none was chosen, it is empty or not UTF-8.
 */
export async function importFormUpload(request: Request): Promise<ImportUpload> {
  const form = await request.formData();
  const file = form.get("file");
  const mode = importModeOf(form.get("mode"));
  const text = file instanceof File && file.size > 0 ? await utf8FileText(file) : null;
  return { mode, file: text };
}

/**
 * The API's import: `?mode=` (a field error when unknown, before the body is read) and the body's bytes, not
 * text: the parse worker decodes them (the body rules have already checked they are UTF-8).
 */
export async function importApiUpload(request: Request): Promise<ImportUpload & { file: Uint8Array }> {
  const mode = importModeOf(new URL(request.url).searchParams.get("mode"));
  return { mode, file: new Uint8Array(await request.arrayBuffer()) };
}

/**
 * The upload's rows, each checked against the shared schema (readImportFile, off the request's thread). Null
 * when it is unreadable: no file to read, or neither a JSON array nor CSV with the documented columns.
 */
export async function uploadedRows(deps: Pick<Deps, "now">, upload: ImportUpload) {
  return upload.file === null ? null : readImportFile(deps, upload.file);
}
