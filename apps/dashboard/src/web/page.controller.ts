import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AuthException } from '../auth/auth.exception';
import { cookieOptions, readCookies, SESSION_COOKIE, SIGN_IN_CSRF_COOKIE } from '../auth/cookies';
import { randomToken } from '../auth/session-crypto';
import { ResolveViewer } from '../auth/usecases/resolve-viewer.usecase';
import { SignIn } from '../auth/usecases/sign-in.usecase';
import { SignOut } from '../auth/usecases/sign-out.usecase';
import { CoreApiException } from '../core-api/core-api.exception';
import { DASHBOARD_HTTP_STATUS } from '../dashboard.errors';
import { DashboardAssets } from './assets';
import { fromOwnOrigin, rememberLanguage, SignInFormSchema, SignOutFormSchema } from './forms';
import { pageLanguage } from './i18n';
import { renderDashboardPage } from './pages/dashboard.page';
import { renderSignInPage } from './pages/sign-in.page';

/** The JSON edge's statuses, and an empty form's. */
const SIGN_IN_STATUS: Record<string, number> = { validation_failed: 400, ...DASHBOARD_HTTP_STATUS };

/** The HTML side: the dashboard page, signing in and out, and the page's two static files. */
@Controller()
export class PageController {
  constructor(
    private readonly assets: DashboardAssets,
    private readonly resolveViewer: ResolveViewer,
    private readonly signIn: SignIn,
    private readonly signOut: SignOut,
  ) {}

  @Get()
  async dashboard(@Req() req: Request, @Res() res: Response): Promise<void> {
    if (rememberLanguage(req, res, '/')) return;
    const viewer = await this.resolveViewer.execute({ headers: { cookie: req.headers.cookie } });
    if (!viewer?.session) return res.redirect(303, '/login');
    res.type('html').send(
      renderDashboardPage({
        lang: pageLanguage(req),
        viewer,
        csrf: viewer.session.csrf,
        stylesheet: this.assets.pathOf('dashboard.css'),
        script: this.assets.pathOf('dashboard.js'),
      }),
    );
  }

  @Get('login')
  signInPage(@Req() req: Request, @Res() res: Response): void {
    if (rememberLanguage(req, res, '/login')) return;
    this.answerSignInPage(req, res, 200);
  }

  @Post('login')
  async submitSignIn(@Req() req: Request, @Res() res: Response): Promise<void> {
    const form = SignInFormSchema.safeParse(req.body ?? {});
    if (!form.success) return this.answerSignInPage(req, res, 400, 'validation_failed');
    try {
      if (!fromOwnOrigin(req)) throw new AuthException('csrf_failed', 'cross-origin sign-in');
      const signedIn = await this.signIn.execute({
        token: form.data.token,
        formCsrf: form.data.csrf,
        cookieCsrf: readCookies(req).get(SIGN_IN_CSRF_COOKIE),
      });
      res.clearCookie(SIGN_IN_CSRF_COOKIE, cookieOptions(req));
      res.cookie(SESSION_COOKIE, signedIn.sessionId, cookieOptions(req, signedIn.maxAgeMs));
      res.redirect(303, '/');
    } catch (error) {
      if (!(error instanceof AuthException || error instanceof CoreApiException)) throw error;
      this.answerSignInPage(req, res, SIGN_IN_STATUS[error.code] ?? 500, error.code);
    }
  }

  @Post('logout')
  async submitSignOut(@Req() req: Request, @Res() res: Response): Promise<void> {
    if (!fromOwnOrigin(req)) throw new AuthException('csrf_failed', 'cross-origin sign-out');
    const csrf = SignOutFormSchema.safeParse(req.body ?? {}).data?.csrf ?? '';
    const viewer = await this.resolveViewer.execute({ headers: { cookie: req.headers.cookie } });
    await this.signOut.execute(viewer, csrf);
    res.clearCookie(SESSION_COOKIE, cookieOptions(req));
    res.redirect(303, '/login');
  }

  @Get('assets/:file')
  asset(@Param('file') file: string, @Res() res: Response): void {
    const asset = this.assets.find(file);
    if (!asset) {
      res.status(404).type('text/plain').send('not found');
      return;
    }
    res
      .type(asset.contentType)
      .setHeader('Cache-Control', 'public, max-age=31536000, immutable')
      .send(asset.body);
  }

  /** The sign-in form, with a fresh double-submit token in its hidden field and in a cookie. */
  private answerSignInPage(req: Request, res: Response, status: number, error?: string): void {
    const csrf = randomToken();
    res.cookie(SIGN_IN_CSRF_COOKIE, csrf, cookieOptions(req, 3_600_000));
    res
      .status(status)
      .type('html')
      .send(
        renderSignInPage({
          lang: pageLanguage(req),
          csrf,
          stylesheet: this.assets.pathOf('dashboard.css'),
          error,
        }),
      );
  }
}
