import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

/** Content types of the files the collector serves from disk (widget build, examples). */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Reads `rel` below `root` for serving, or undefined when it is missing, a directory without
 * index.html, outside `root` (`..`, absolute paths, NUL) or of a type not in CONTENT_TYPES.
 *
 * @example
 * const f = await readStatic(config.widgetDir, 'feedback-survey.js');
 * if (f) return c.body(f.body, 200, { 'Content-Type': f.type });
 */
export async function readStatic(
  root: string,
  rel: string,
): Promise<{ body: Uint8Array<ArrayBuffer>; type: string } | undefined> {
  if (rel.includes('\0')) return undefined;
  const base = resolve(root);
  let path = resolve(base, `.${sep}${rel}`);
  if (path !== base && !path.startsWith(base + sep)) return undefined;
  try {
    if ((await stat(path)).isDirectory()) path = resolve(path, 'index.html');
    const type = CONTENT_TYPES[extname(path).toLowerCase()];
    if (!type) return undefined;
    return { body: new Uint8Array(await readFile(path)), type };
  } catch {
    return undefined;
  }
}
