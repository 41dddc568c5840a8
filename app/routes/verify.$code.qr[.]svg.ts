import type { LoaderFunctionArgs } from "@remix-run/node";
import QRCode from "qrcode";
import { normaliseCode } from "~/domain/job-orders/verification-code";

/** A QR code of the public verification page, to print on offers and contracts. */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const code = normaliseCode(params.code ?? "");
  if (!code) return new Response("Not found", { status: 404 });
  const url = new URL(`/verify/${code}`, request.url).toString();
  const svg = await QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return new Response(svg, { headers: { "Content-Type": "image/svg+xml", "Cache-Control": "private, max-age=3600" } });
}
