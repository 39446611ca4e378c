import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { IClientSettings, ITwitterApiClientPlugin } from 'twitter-api-v2';
import { XApiUrlPlugin } from './x-api-url.plugin';

/** Settings every twitter-api-v2 client of ours shares: where X is, and a timeout. */
export function xClientSettings(
  apiUrl: string,
  plugins: ITwitterApiClientPlugin[] = [],
): Partial<IClientSettings> {
  // twitter-api-v2 sends through https.request, which takes an http: URL only with an http agent.
  const httpAgent =
    new URL(apiUrl).protocol === 'http:'
      ? new HttpAgent({ keepAlive: true })
      : new HttpsAgent({ keepAlive: true });
  return { httpAgent, plugins: [new XApiUrlPlugin(apiUrl), ...plugins] };
}
