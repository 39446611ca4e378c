import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Logger } from 'nestjs-pino';
import { mergeCatalogs, PLATFORM_ERRORS, type ErrorCatalog } from './error-catalog';
import { GatewayExceptionFilter } from './gateway-exception.filter';
import { jsonBody } from './json-body.middleware';

export interface HttpEdgeOptions {
  /** Largest JSON body accepted under /api (`1mb`). */
  jsonBodyLimit: string | number;
  /** The app's error texts, merged over the platform's. */
  catalog?: Partial<ErrorCatalog>;
  /** Status per exception code of the app's own modules. */
  statusByCode?: Record<string, number>;
}

/**
 * What every app's HTTP edge shares: pino as Nest's logger, JSON bodies under /api with clear
 * 413/415/400 answers, one exception filter, graceful shutdown on SIGTERM.
 * The app must be created with `{ bodyParser: false, bufferLogs: true }`.
 */
export function configureHttpEdge(app: INestApplication, options: HttpEdgeOptions): void {
  app.useLogger(app.get(Logger));
  const filter = new GatewayExceptionFilter(
    mergeCatalogs(PLATFORM_ERRORS, options.catalog ?? {}),
    options.statusByCode ?? {},
  );
  // Body parsing runs before Nest's router, so its errors reach Express's error handlers, not
  // Nest's filters: this handler gives them the same answer the filter gives everything else.
  const edgeErrors = (error: unknown, req: Request, res: Response, next: NextFunction) =>
    res.headersSent ? next(error) : filter.respond(error, req, res);
  app.use('/api', jsonBody(options.jsonBodyLimit), edgeErrors);
  app.useGlobalFilters(filter);
  app.enableShutdownHooks();
}
