// A static file server for browser tests, screenshots and the bench: serves a built site on a free
// local port, and can tell each response it sends (the bench counts requests and bytes).
import http from "node:http";
import { promises as fs } from "node:fs";
import path from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".xml": "application/xml",
  ".txt": "text/plain",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
};

/** A canned answer for some paths, instead of the file: to serve a broken site. */
export type Override = (pathname: string) => { status: number; body: string; type?: string } | undefined;

/** Told of every response: the path asked for, the status and the body sent. */
export type Recorder = (pathname: string, status: number, body: Buffer) => void;

export async function serve(
  root: string,
  override?: Override,
  record?: Recorder,
): Promise<{ url: string; close: () => Promise<void> }> {
  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const send = (status: number, type: string, body: string | Buffer = "") => {
      const bytes = typeof body === "string" ? Buffer.from(body) : body;
      record?.(url.pathname, status, bytes);
      res.writeHead(status, { "content-type": type }).end(bytes);
    };
    const canned = override?.(url.pathname);
    if (canned) return send(canned.status, canned.type ?? "application/json", canned.body);
    let file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(root)) return send(403, "text/plain");
    try {
      if ((await fs.stat(file)).isDirectory()) file = path.join(file, "index.html");
      send(200, TYPES[path.extname(file)] ?? "application/octet-stream", await fs.readFile(file));
    } catch {
      const notFound = await fs.readFile(path.join(root, "404.html")).catch(() => Buffer.from("not found"));
      send(404, "text/html; charset=utf-8", notFound);
    }
  };
  const server = http.createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
