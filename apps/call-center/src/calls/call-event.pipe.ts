import { Inject, Injectable, type PipeTransform } from '@nestjs/common';
import { HttpEdgeException, ZodValidationPipe } from '@app/platform';
import { CALL_CENTER_CONFIG, type CallCenterConfig } from '../config/call-center.config';
import { callEventSchema } from './dto/call-event.schema';
import type { ReceivedCall } from './dto/received-call';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Parses and validates the raw body, after the signature guard has vouched for it. The schema
 * depends on configuration (the default phone region), hence a provider.
 */
@Injectable()
export class CallEventPipe implements PipeTransform<Buffer, ReceivedCall> {
  private readonly validation: ZodValidationPipe<ReturnType<typeof callEventSchema>>;

  constructor(@Inject(CALL_CENTER_CONFIG) config: CallCenterConfig) {
    this.validation = new ZodValidationPipe(callEventSchema(config.phoneDefaultRegion));
  }

  transform(rawBody: Buffer): ReceivedCall {
    let parsed: unknown;
    try {
      parsed = JSON.parse(UTF8.decode(rawBody));
    } catch {
      throw new HttpEdgeException('malformed_json', 'request body is not valid UTF-8 JSON');
    }
    return { call: this.validation.transform(parsed), rawBody };
  }
}
