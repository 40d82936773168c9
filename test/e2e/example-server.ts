// A stand-in for an application's own backend: serves a built example (here the React one) under a
// strict CSP and accepts responses at POST /api/feedback. It records them for the test to check
// (the root package does not depend on @otklik/core, so the test asserts the exact answers instead).
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { root } from './helpers.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
};

/** The parts of the wire format the tests look at. */
export interface ReceivedResponse {
  responseId: string;
  surveyId: string;
  answers: Record<string, unknown>;
  context: { channel: string; touchpoint?: string };
}

export interface ExampleServer {
  url: string;
  /** Responses accepted at /api/feedback, in order. */
  received: ReceivedResponse[];
  stop: () => Promise<void>;
}

/** `vite build` of examples/framework → examples/framework/dist; throws with vite's output on failure. */
export function buildFrameworkExample(): string {
  const r = spawnSync('pnpm', ['--filter', '@otklik/example-framework', 'build'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`framework example build failed:\n${r.stdout}${r.stderr}`);
  return join(root, 'examples/framework/dist');
}

/** Serves `dir` on a free loopback port; the CSP forbids inline scripts and styles, and eval. */
export async function serveExample(dir: string): Promise<ExampleServer> {
  const received: ReceivedResponse[] = [];
  const server = createServer(async (req, res) => {
    const send = (status: number, body: string | Buffer, type = 'application/json') => {
      res.writeHead(status, {
        'content-type': type,
        'content-security-policy': "default-src 'self'",
        'cache-control': 'no-store',
      });
      res.end(body);
    };
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    try {
      if (path === '/api/feedback' && req.method === 'POST') {
        let body = '';
        for await (const chunk of req) body += chunk;
        const response = JSON.parse(body) as Partial<ReceivedResponse>;
        if (typeof response.responseId !== 'string' || typeof response.answers !== 'object')
          return send(422, JSON.stringify({ error: 'invalid_response' }));
        received.push(response as ReceivedResponse);
        return send(
          201,
          JSON.stringify({ receipt: response.responseId.slice(0, 8).toUpperCase() }),
        );
      }
      if (path === '/favicon.ico') return send(204, '');
      const file = normalize(join(dir, path === '/' ? 'index.html' : path));
      if (!file.startsWith(dir)) return send(403, 'forbidden', 'text/plain');
      return send(200, await readFile(file), TYPES[extname(file)] ?? 'application/octet-stream');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return code === 'ENOENT'
        ? send(404, 'not found', 'text/plain')
        : send(400, String(e), 'text/plain');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const a = server.address();
  if (typeof a !== 'object' || !a) throw new Error('no address');
  return {
    url: `http://127.0.0.1:${a.port}`,
    received,
    stop: () => new Promise((r) => server.close(() => r())),
  };
}
