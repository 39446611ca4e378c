import type { Provider } from '@nestjs/common';
import { TwitterApi, type TwitterApiReadWrite } from 'twitter-api-v2';
import { XOAuth2AuthPlugin } from '../auth/x-oauth2-auth.plugin';
import { XUserCredentials } from '../auth/x-user-credentials';
import { X_CONFIG, type XConfig } from '../config/x.config';
import { xClientSettings } from './x-client.settings';

/** The twitter-api-v2 client, authenticated as our account (user context). */
export const X_CLIENT = Symbol('X_CLIENT');

function createXClient(
  config: Pick<XConfig, 'apiUrl' | 'credentials'>,
  oauth2?: XUserCredentials,
): TwitterApiReadWrite {
  const c = config.credentials;
  if (c.kind === 'oauth2') {
    if (!oauth2) throw new Error('OAuth 2.0 credentials need XUserCredentials');
    // No token of its own: the plugin adds the current one to each request.
    return new TwitterApi(
      undefined,
      xClientSettings(config.apiUrl, [new XOAuth2AuthPlugin(oauth2)]),
    ).readWrite;
  }
  return new TwitterApi(
    {
      appKey: c.consumerKey,
      appSecret: c.consumerSecret,
      accessToken: c.accessToken,
      accessSecret: c.accessSecret,
    },
    xClientSettings(config.apiUrl),
  ).readWrite;
}

export const xClientProvider: Provider = {
  provide: X_CLIENT,
  inject: [X_CONFIG, XUserCredentials],
  useFactory: (config: XConfig, oauth2: XUserCredentials) => createXClient(config, oauth2),
};
