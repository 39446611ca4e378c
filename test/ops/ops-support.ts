import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { importStores } from '../../apps/core/src/routing/import/import-stores';
import { RoutingService } from '../../apps/core/src/routing/routing.service';
import type { RunningApp } from '../support/apps';

/** Loads the seed's stores and regions into a running core, as an operator would at install. */
export async function seedStores(core: RunningApp): Promise<void> {
  const seed = readFileSync(join(__dirname, '../../deploy/seed/stores.json'), 'utf8');
  const result = await importStores(core.app.get(DataSource), seed);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  await core.app.get(RoutingService).refresh();
}

/** A small client of the ops API with one bearer token. */
export function opsClient(url: string, token: string | null) {
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        'Accept-Language': 'en',
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    const json: any =
      text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
    return { status: res.status, body: json };
  };
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body: unknown = {}) => call('POST', path, body),
    delete: (path: string) => call('DELETE', path),
  };
}
