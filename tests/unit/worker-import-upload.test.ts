// The import's upload as the page's form (and its progress channel) and the API send it (app/web/worker-import.server.ts).
import { describe, expect, it } from "vitest";
import { importApiUpload, importFormUpload, uploadedRows } from "~/web/worker-import.server";

const URL_ = "http://localhost/workers/import";
const CSV = "full_name,date_of_birth\nSiti Nurhaliza,1996-04-12\n";

function formRequest(fields: { file?: Blob | string; mode?: string }): Request {
  const form = new FormData();
  if (fields.file !== undefined)
    form.set(
      "file",
      fields.file instanceof Blob ? new File([fields.file], "workers.csv", { type: "text/csv" }) : fields.file,
    );
  if (fields.mode !== undefined) form.set("mode", fields.mode);
  return new Request(URL_, { method: "POST", body: form });
}

const modeError = expect.objectContaining({ code: "invalid", fields: { mode: "errors.import_mode_invalid" } });

describe("the import form's upload", () => {
  it("reads the file's text and the mode (valid rows by default)", async () => {
    expect(await importFormUpload(formRequest({ file: new Blob([CSV]), mode: "all_or_nothing" }))).toEqual({
      mode: "all_or_nothing",
      file: CSV,
    });
    expect(await importFormUpload(formRequest({ file: new Blob([CSV]) }))).toEqual({ mode: "valid_only", file: CSV });
  });

  it("has no file to read when none was chosen, it is empty, not a file, or not UTF-8", async () => {
    expect(await importFormUpload(formRequest({}))).toEqual({ mode: "valid_only", file: null });
    expect(await importFormUpload(formRequest({ file: new Blob([]) }))).toEqual({ mode: "valid_only", file: null });
    expect(await importFormUpload(formRequest({ file: CSV }))).toEqual({ mode: "valid_only", file: null }); // a text field named file
    expect(await importFormUpload(formRequest({ file: new Blob([new Uint8Array([0x66, 0x75, 0xff, 0xfe])]) }))).toEqual(
      { mode: "valid_only", file: null },
    );
  });

  it("refuses a mode the form never offers with a field error", async () => {
    await expect(importFormUpload(formRequest({ file: new Blob([CSV]), mode: "some" }))).rejects.toThrow(modeError);
    await expect(importFormUpload(formRequest({ file: new Blob([CSV]), mode: "" }))).rejects.toThrow(modeError);
  });
});

describe("the API's upload", () => {
  const apiRequest = (query: string, body: string) =>
    new Request(`http://localhost/api/v1/workers/import${query}`, {
      method: "POST",
      body,
      headers: { "Content-Type": "text/csv" },
    });

  it("is the body's bytes and ?mode=", async () => {
    expect(await importApiUpload(apiRequest("?mode=all_or_nothing", CSV))).toEqual({
      mode: "all_or_nothing",
      file: new TextEncoder().encode(CSV),
    });
    expect(await importApiUpload(apiRequest("", CSV))).toEqual({
      mode: "valid_only",
      file: new TextEncoder().encode(CSV),
    });
    expect(await importApiUpload(apiRequest("", ""))).toEqual({ mode: "valid_only", file: new Uint8Array(0) });
  });

  it("refuses an unknown mode before reading the body", async () => {
    const request = apiRequest("?mode=ALL_OR_NOTHING", CSV);
    await expect(importApiUpload(request)).rejects.toThrow(modeError);
    expect(request.bodyUsed).toBe(false);
  });
});

describe("the upload's rows", () => {
  it("are none when there is no file to read (the file is never parsed)", async () => {
    const deps = {
      now: () => {
        throw new Error("not asked");
      },
    };
    expect(await uploadedRows(deps, { mode: "valid_only", file: null })).toBeNull();
  });
});
