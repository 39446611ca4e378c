import { Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { CallEventPipe } from './call-event.pipe';
import type { CallAccepted } from './dto/call-accepted';
import type { ReceivedCall } from './dto/received-call';
import { CallEventApi } from './openapi/call-event.openapi';
import { RawBody } from './raw-body.decorator';
import { WebhookSignatureGuard } from './signature/webhook-signature.guard';
import { RecordCall } from './usecases/record-call.usecase';

/** Where telephony systems post calls; the raw-body middleware is mounted on the same path. */
export const CALL_EVENTS_PATH = '/api/v1/call-center/events';

/** The signature is checked first (guard), then the body is parsed and validated (pipe). */
@Controller('api/v1/call-center')
export class CallEventController {
  constructor(private readonly recordCall: RecordCall) {}

  @Post('events')
  @HttpCode(202)
  @UseGuards(WebhookSignatureGuard)
  @CallEventApi()
  record(@RawBody(CallEventPipe) received: ReceivedCall): Promise<CallAccepted> {
    return this.recordCall.execute(received);
  }
}
