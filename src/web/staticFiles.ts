/**
 * The web app's built files (`npm run build:web` writes web/dist), listed once at start: only
 * files found then are served, so no request path is ever joined onto the file system. Each is
 * read on its first request and kept (the whole build is a few MB; most API processes, and
 * tests, never serve a page). Hashed assets are cached by browsers for good; everything else is
 * revalidated on every load. A rebuild takes effect when the API restarts.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

export interface StaticFile {
  contentType: string;
  /** Vite names files under assets/ by their content's hash: a new build means new names. */
  immutable: boolean;
  body: Buffer;
}

interface Listed {
  path: string;
  file?: StaticFile;
}

export class StaticFiles {
  private readonly files = new Map<string, Listed>();

  /** An empty set when the app is not built, so the API still starts without it. */
  constructor(readonly root: string) {
    if (existsSync(root)) this.scan(root);
  }

  get built(): boolean {
    return this.files.has('/index.html');
  }

  /** The file at a URL path ("/assets/index-1a2b.js"), if the build has one. */
  get(urlPath: string): StaticFile | undefined {
    const listed = this.files.get(urlPath);
    if (!listed) return undefined;
    listed.file ??= {
      contentType: TYPES[extname(listed.path)] ?? 'application/octet-stream',
      immutable: urlPath.startsWith('/assets/'),
      body: readFileSync(listed.path),
    };
    return listed.file;
  }

  private scan(dir: string): void {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        this.scan(path);
        continue;
      }
      this.files.set(`/${relative(this.root, path).split(sep).join('/')}`, { path });
    }
  }
}
