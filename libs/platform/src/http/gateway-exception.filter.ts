import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { GatewayException } from '../errors/gateway.exception';
import { translate, type ErrorCatalog } from './error-catalog';
import { HttpEdgeException } from './http.exception';
import { requestLanguage } from './language';

/** Status for the edge's own codes; apps add theirs. An unknown code of a retriable error is 503. */
export const PLATFORM_STATUS: Record<string, number> = {
  validation_failed: 400,
  malformed_json: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unavailable: 503,
};

export interface ErrorBody {
  status: number;
  code: string;
  message: string;
  errors?: { field: string; rule: string; message: string }[];
}

/**
 * The one place where exceptions become HTTP answers: `{status, code, message, errors?}` in the
 * caller's language. Module exceptions map by code; anything unexpected is a 500 that is logged
 * with its stack but answered without internals.
 */
@Catch()
export class GatewayExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrors');

  constructor(
    private readonly catalog: ErrorCatalog,
    private readonly statusByCode: Record<string, number>,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    this.respond(exception, http.getRequest<Request>(), http.getResponse<Response>());
  }

  /** Also used by the Express error handler for failures before Nest's router (body parsing). */
  respond(exception: unknown, req: Request, res: Response): void {
    const lang = requestLanguage(req);
    const body = this.toBody(exception, lang);
    if (body.status === 500) {
      this.logger.error({ err: exception, code: body.code }, 'request failed');
    } else if (body.status >= 500) {
      this.logger.warn(
        { code: body.code, error: exception instanceof Error ? exception.message : undefined },
        'request refused',
      );
    }
    if (body.status === 503) res.setHeader('Retry-After', '5');
    res.status(body.status).json(body);
  }

  private toBody(exception: unknown, lang: Parameters<typeof translate>[1]): ErrorBody {
    if (exception instanceof GatewayException) {
      const status =
        this.statusByCode[exception.code] ??
        PLATFORM_STATUS[exception.code] ??
        (exception.retriable ? 503 : 500);
      const body: ErrorBody = {
        status,
        code: exception.code,
        message: translate(this.catalog, lang, exception.code),
      };
      if (exception instanceof HttpEdgeException && exception.fieldErrors.length > 0) {
        body.errors = exception.fieldErrors.map((e) => ({
          ...e,
          message: translate(this.catalog, lang, `${e.field}.${e.rule}`, e.rule),
        }));
      }
      return body;
    }
    if (exception instanceof HttpException) {
      // Nest's own (unknown route, method not allowed): keep its status, answer in our shape.
      const status = exception.getStatus();
      const code = status === 404 ? 'not_found' : status >= 500 ? 'internal_error' : 'http_error';
      return { status, code, message: translate(this.catalog, lang, code) };
    }
    return {
      status: 500,
      code: 'internal_error',
      message: translate(this.catalog, lang, 'internal_error'),
    };
  }
}
