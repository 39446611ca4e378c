import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Asset {
  body: Buffer;
  contentType: string;
  /** `/assets/dashboard.<hash>.js`: the name changes with the content, so it may be cached for good. */
  path: string;
}

const FILES: Record<string, string> = {
  'dashboard.js': 'text/javascript; charset=utf-8',
  'dashboard.css': 'text/css; charset=utf-8',
};

/**
 * The page's script and stylesheet (apps/dashboard/public), plain files without build tooling.
 * Looked for beside the sources (tests, ts-node) and from the working directory (the compiled
 * app started at the repository root); read once at start-up.
 */
function publicDir(): string {
  const candidates = [
    join(__dirname, '..', '..', 'public'),
    join(process.cwd(), 'apps', 'dashboard', 'public'),
  ];
  const found = candidates.find((dir) => existsSync(join(dir, 'dashboard.js')));
  if (!found) throw new Error(`dashboard assets not found in ${candidates.join(' or ')}`);
  return found;
}

@Injectable()
export class DashboardAssets {
  private readonly byPath = new Map<string, Asset>();
  private readonly byName = new Map<string, Asset>();

  constructor() {
    const dir = publicDir();
    for (const [name, contentType] of Object.entries(FILES)) {
      const body = readFileSync(join(dir, name));
      const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
      const dot = name.lastIndexOf('.');
      const asset = {
        body,
        contentType,
        path: `/assets/${name.slice(0, dot)}.${hash}${name.slice(dot)}`,
      };
      this.byName.set(name, asset);
      this.byPath.set(asset.path, asset);
    }
  }

  pathOf(name: 'dashboard.js' | 'dashboard.css'): string {
    return this.byName.get(name)!.path;
  }

  find(file: string): Asset | undefined {
    return this.byPath.get(`/assets/${file}`);
  }
}
