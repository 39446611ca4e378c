import { DynamicModule, Module } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import type { LogConfig } from '../config/common-env';
import { REDACTED_PATHS, REDACTION_CENSOR } from './redaction';

/** Paths whose requests are too frequent and too boring to log. */
const QUIET_PATHS = new Set(['/health', '/metrics']);

function pathOf(url: string | undefined): string {
  // The query string can carry a second factor (tracking) or tokens: log the path only.
  return (url ?? '').split('?')[0];
}

/** JSON logs through pino, one line per event, request logs without bodies or query strings. */
@Module({})
export class LoggingModule {
  static forRoot(service: string, config: LogConfig): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.level,
            base: { service },
            redact: { paths: REDACTED_PATHS, censor: REDACTION_CENSOR },
            autoLogging: { ignore: (req: IncomingMessage) => QUIET_PATHS.has(pathOf(req.url)) },
            serializers: {
              req: (req: IncomingMessage & { id?: unknown }) => ({
                id: req.id,
                method: req.method,
                path: pathOf(req.url),
              }),
              res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
            },
          },
        }),
      ],
    };
  }
}
