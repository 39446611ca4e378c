import type {
  ITwitterApiBeforeRequestConfigHookArgs,
  ITwitterApiClientPlugin,
} from 'twitter-api-v2';

/** The origin twitter-api-v2 sends every v2 and v1.1 request to (its API_V2_PREFIX is under it). */
const X_DEFAULT_API_URL = 'https://api.x.com';

const REQUEST_TIMEOUT_MS = 30_000;

/**
 * Sends the client's requests to `apiUrl` instead of api.x.com (a local fake in tests, a proxy
 * in some deployments), and gives every request a timeout: a stalled connection must end in an
 * error the poller can retry, not in a poller that waits for ever.
 */
export class XApiUrlPlugin implements ITwitterApiClientPlugin {
  constructor(private readonly apiUrl: string) {}

  onBeforeRequestConfig({ params }: ITwitterApiBeforeRequestConfigHookArgs): void {
    params.timeout ??= REQUEST_TIMEOUT_MS;
    // X's token endpoint takes a form-encoded body; twitter-api-v2 1.29 means to send one there,
    // but its check looks at the URL's password instead of its path, so it sends JSON.
    if (new URL(params.url).pathname.startsWith('/2/oauth2/')) params.forceBodyMode ??= 'url';
    if (this.apiUrl !== X_DEFAULT_API_URL && params.url.startsWith(`${X_DEFAULT_API_URL}/`)) {
      params.url = this.apiUrl + params.url.slice(X_DEFAULT_API_URL.length);
    }
  }
}
