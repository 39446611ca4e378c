import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * Headers every answer carries. The pages use no inline script or style (their CSS and script are
 * files under /assets), so the policy needs no 'unsafe-inline'; a captcha provider's origins are
 * added only when one is configured. Forms may post only back here, and nobody may frame us.
 */
export function contentSecurityPolicy(captchaOrigins: readonly string[] = []): string {
  const extra = captchaOrigins.length ? ` ${captchaOrigins.join(' ')}` : '';
  return [
    `default-src 'none'`,
    `script-src 'self'${extra}`,
    `style-src 'self'${extra}`,
    `img-src 'self' data:`,
    `connect-src 'self'${extra}`,
    `frame-src ${captchaOrigins.length ? captchaOrigins.join(' ') : `'none'`}`,
    `form-action 'self'`,
    `base-uri 'none'`,
    `frame-ancestors 'none'`,
  ].join('; ');
}

export function securityHeaders(captchaOrigins: readonly string[]): RequestHandler {
  const policy = contentSecurityPolicy(captchaOrigins);
  return (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Content-Security-Policy', policy);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'same-origin');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    next();
  };
}
