import type {
  ITwitterApiBeforeRequestConfigHookArgs,
  ITwitterApiClientPlugin,
  ITwitterApiResponseErrorHookArgs,
} from 'twitter-api-v2';
import type { XUserCredentials } from './x-user-credentials';

/**
 * Puts the current OAuth 2.0 user token on every request, instead of one fixed at construction:
 * the token changes every two hours, and everything that calls X shares one client.
 */
export class XOAuth2AuthPlugin implements ITwitterApiClientPlugin {
  constructor(private readonly credentials: XUserCredentials) {}

  async onBeforeRequestConfig({ url, params }: ITwitterApiBeforeRequestConfigHookArgs) {
    // The token endpoint authenticates the app, not the user (and must not recurse into here).
    if (url.pathname.startsWith('/2/oauth2/')) return;
    const token = await this.credentials.accessToken();
    params.headers = { ...params.headers, Authorization: `Bearer ${token}` };
  }

  onResponseError({ error, params }: ITwitterApiResponseErrorHookArgs): void {
    const sent = params.headers?.Authorization;
    if (error.code === 401 && typeof sent === 'string' && sent.startsWith('Bearer ')) {
      this.credentials.refused(sent.slice('Bearer '.length));
    }
  }
}
