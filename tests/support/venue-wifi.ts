import http from "node:http";
import type { AddressInfo, Socket } from "node:net";

/**
 * The venue's Wi-Fi between a browser and the app: an HTTP proxy the test can cut (every connection dropped, new
 * ones refused, as when the access point goes away) and bring back on the same port, and that can lose the answer
 * to a request after the app has handled it (the request arrived, the answer never did). Playwright's offline
 * switch alone is not trusted to cover a service worker's own fetches; this cuts them for real.
 */
export class VenueWifi {
  private server: http.Server | null = null;
  private sockets = new Set<Socket>();
  private lose: RegExp[] = [];
  port = 0;
  /** Every request that reached the app through here, with the app's status (and whether the answer was lost). */
  readonly seen: { method: string; path: string; status: number; lost: boolean }[] = [];

  constructor(private readonly target: URL) {}

  get baseUrl() {
    return `http://localhost:${this.port}`;
  }

  async up(): Promise<void> {
    const server = http.createServer((req, res) => this.forward(req, res));
    server.on("connection", (s) => {
      this.sockets.add(s);
      s.on("close", () => this.sockets.delete(s));
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.port, "127.0.0.1", () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async down(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The next request whose path matches reaches the app, and its answer is dropped on the way back. */
  loseNextAnswer(path: RegExp): void {
    this.lose.push(path);
  }

  private forward(req: http.IncomingMessage, res: http.ServerResponse) {
    const path = req.url ?? "/";
    const up = http.request(
      { host: this.target.hostname, port: this.target.port, method: req.method, path, headers: req.headers },
      (answer) => {
        const i = this.lose.findIndex((re) => re.test(path));
        const lost = i >= 0;
        this.seen.push({ method: req.method ?? "GET", path, status: answer.statusCode ?? 0, lost });
        if (lost) {
          this.lose.splice(i, 1);
          answer.resume();
          answer.on("end", () => req.socket.destroy());
          return;
        }
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    up.on("error", () => req.socket.destroy());
    req.pipe(up);
  }
}
