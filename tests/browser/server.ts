// A static file server for browser tests and screenshots: serves a built site on a free local port.
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

export async function serve(
  root: string,
  override?: Override,
): Promise<{ url: string; close: () => Promise<void> }> {
  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const canned = override?.(url.pathname);
    if (canned) {
      res.writeHead(canned.status, { "content-type": canned.type ?? "application/json" }).end(canned.body);
      return;
    }
    let file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    try {
      if ((await fs.stat(file)).isDirectory()) file = path.join(file, "index.html");
      const body = await fs.readFile(file);
      res
        .writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" })
        .end(body);
    } catch {
      const notFound = await fs.readFile(path.join(root, "404.html")).catch(() => Buffer.from("not found"));
      res.writeHead(404, { "content-type": "text/html; charset=utf-8" }).end(notFound);
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
