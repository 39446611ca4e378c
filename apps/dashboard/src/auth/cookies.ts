import type { CookieOptions, Request } from 'express';

export const SESSION_COOKIE = 'dashboard_session';
/** The double-submit token of the sign-in form, before there is a session to bind it to. */
export const SIGN_IN_CSRF_COOKIE = 'dashboard_signin';
export const LANGUAGE_COOKIE = 'dashboard_lang';

/** Request cookies by name (the first of duplicates wins, as browsers send the most specific first). */
export function readCookies(req: Pick<Request, 'headers'>): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim();
    if (cookies.has(name)) continue;
    try {
      cookies.set(name, decodeURIComponent(raw));
    } catch {
      // A value that is not valid percent-encoding is not one of ours.
    }
  }
  return cookies;
}

/** HttpOnly, SameSite=Strict, and Secure whenever the page came over HTTPS. */
export function cookieOptions(req: Pick<Request, 'secure'>, maxAgeMs?: number): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'strict',
    secure: req.secure,
    path: '/',
    ...(maxAgeMs === undefined ? {} : { maxAge: maxAgeMs }),
  };
}
