import type { Request, Response } from 'express';
import { z } from 'zod';
import { LANGUAGE_COOKIE, cookieOptions } from '../auth/cookies';
import { isPageLanguage } from './i18n';

export const SignInFormSchema = z.object({
  token: z.string().trim().min(1).max(500),
  csrf: z.string().max(200).default(''),
});

export const SignOutFormSchema = z.object({ csrf: z.string().max(200).default('') });

/**
 * A form posted from another site carries another Origin (browsers send it on every POST);
 * refused before anything else, on top of the CSRF tokens and SameSite=Strict cookies.
 */
export function fromOwnOrigin(req: Request): boolean {
  const origin = req.headers.origin;
  return origin === undefined || origin === `${req.protocol}://${req.get('host')}`;
}

/** `?lang=en` on a page: remember the choice and send the browser back to the bare URL. */
export function rememberLanguage(req: Request, res: Response, path: string): boolean {
  const lang = req.query.lang;
  if (!isPageLanguage(lang)) return false;
  res.cookie(LANGUAGE_COOKIE, lang, cookieOptions(req, 365 * 86_400_000));
  res.redirect(303, path);
  return true;
}
