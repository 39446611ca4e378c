import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { RawBodyRequest } from '@app/platform';

/** The exact bytes of the request body, as the raw-body middleware kept them. */
export const RawBody = createParamDecorator(
  (_: unknown, context: ExecutionContext): Buffer =>
    context.switchToHttp().getRequest<RawBodyRequest>().rawBody ?? Buffer.alloc(0),
);
