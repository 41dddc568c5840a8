// Remix's Node entry (renderToPipeableStream), sending the whole document at once, plus the CSP
// nonce of this request (set by app/web/security-headers.server.ts, passed in the load context) on every
// script Remix renders: hydration, scroll restoration and single-fetch streaming.
import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "~/components/nonce";
import { RequestLocaleProvider } from "~/components/request-locale";
import { getLocale } from "~/web/locale.server";

const ABORT_DELAY = 5_000;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = typeof loadContext.cspNonce === "string" ? loadContext.cspNonce : "";
  // never fails the render: with PostgreSQL down the outage page must still be drawn (its own data says the language)
  const locale = await getLocale(request, loadContext).catch(() => null);
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    // abort is the render's own, assigned just below; the timer fires long after
    const timeout = setTimeout(() => abort(), ABORT_DELAY);
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RequestLocaleProvider value={locale}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </RequestLocaleProvider>
      </NonceProvider>,
      {
        nonce,
        // No page defers data (every loader's data is ready when rendering starts), so the whole document is
        // complete moments after the shell: it is sent as one body with a Content-Length, not as a stream of
        // small chunks through a web stream (under load, per-chunk writes cost more than the render itself).
        onShellReady() {
          shellRendered = true;
        },
        onAllReady() {
          clearTimeout(timeout);
          const chunks: Buffer[] = [];
          const body = new PassThrough();
          body.on("data", (c: Buffer) => chunks.push(c));
          body.on("end", () => {
            const html = Buffer.concat(chunks);
            responseHeaders.set("Content-Type", "text/html; charset=utf-8");
            responseHeaders.set("Content-Length", String(html.length));
            resolve(new Response(html, { headers: responseHeaders, status: responseStatusCode }));
          });
          body.on("error", reject);
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors inside the shell are logged here; shell errors reject and are logged by Remix.
          if (shellRendered) console.error(error);
        },
      },
    );
  });
}
