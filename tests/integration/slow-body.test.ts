import net from "node:net";
import { describe, expect, inject, it } from "vitest";
import { BODY_IDLE_SECONDS } from "../../scripts/lib/request-body";

// A client that declares a body and then trickles nothing (slowloris) must not hold a request slot: it is answered
// 408 in its language and its connection closed.
describe("a body that stops arriving", () => {
  it(
    "is answered 408 with the API error format and the connection is closed",
    async () => {
      const url = new URL(inject("baseUrl"));
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = net.connect(Number(url.port), url.hostname, () => {
          socket.write(
            `POST /api/v1/job-orders HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\nAccept-Language: id\r\n\r\n{`,
          );
        });
        let text = "";
        socket.on("data", (c: Buffer) => (text += c.toString()));
        socket.on("close", () => resolve(text));
        socket.on("error", reject);
      });
      expect(answer).toMatch(/^HTTP\/1\.1 408/);
      expect(answer).toContain('"code":"timeout"');
      expect(answer).toContain(`selama ${BODY_IDLE_SECONDS} detik`);
    },
    (BODY_IDLE_SECONDS + 15) * 1000,
  );
});
