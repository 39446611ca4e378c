import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { GatewayException, PLATFORM_STATUS, translate } from '@app/platform';
import type { Request, Response } from 'express';
import { WEB_FORM_HTTP_STATUS } from '../submission/web-form.errors';
import { FormRenderer } from './form-renderer';
import { pageLanguage } from './page-language';
import { sendPage } from './page-response';
import { errorPage } from './views/error.view';

const CODE_BY_STATUS: Record<number, string> = {
  400: 'validation_failed',
  404: 'not_found',
  413: 'payload_too_large',
  415: 'validation_failed',
};

/**
 * Errors of the page become a page in the customer's language, not JSON: the rate limit (429,
 * with Retry-After), a form from another site (403), a body too large (413), a broken upload
 * (400), anything unexpected (500, logged with its stack, shown without internals).
 */
@Catch()
export class PageExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('PageErrors');

  constructor(private readonly forms: FormRenderer) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const lang = pageLanguage(req);
    const { status, code } = this.classify(exception);
    if (status >= 500) {
      this.logger.error({ err: exception, code }, 'page request failed');
    }
    const retryAfterSeconds =
      code === 'rate_limited' ? retryAfterOf(exception) : status === 503 ? 5 : undefined;
    const area = req.path.startsWith('/track') ? 'track' : 'page';
    const message = translate(this.forms.catalog, lang, `${area}.${code}`, `page.${code}`, code);
    if (res.headersSent) return;
    sendPage(res, {
      status,
      html: errorPage({
        lang,
        message,
        retryAfterSeconds: code === 'rate_limited' ? retryAfterSeconds : undefined,
        backPath: area === 'track' ? '/track' : '/',
      }),
      retryAfterSeconds,
    });
  }

  private classify(exception: unknown): { status: number; code: string } {
    if (exception instanceof GatewayException) {
      const status =
        WEB_FORM_HTTP_STATUS[exception.code] ??
        PLATFORM_STATUS[exception.code] ??
        (exception.retriable ? 503 : 500);
      return { status, code: status === 500 ? 'internal_error' : exception.code };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return {
        status,
        code: CODE_BY_STATUS[status] ?? (status >= 500 ? 'internal_error' : 'validation_failed'),
      };
    }
    return { status: 500, code: 'internal_error' };
  }
}

function retryAfterOf(exception: unknown): number | undefined {
  const details = exception instanceof GatewayException ? exception.details : undefined;
  const seconds = (details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  return typeof seconds === 'number' ? seconds : undefined;
}
