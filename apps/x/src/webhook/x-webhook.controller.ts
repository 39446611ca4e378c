import { Controller, Get, Headers, HttpCode, Post, Query, Req } from '@nestjs/common';
import type { RawBodyRequest } from '@app/platform';
import { XException } from '../x.exception';
import { ReceiveActivity, type ActivityReceived } from './usecases/receive-activity.usecase';
import { WebhookSignature } from './webhook-signature';

/** X's Account Activity webhook: the CRC challenge and the event deliveries. */
@Controller('webhooks/x')
export class XWebhookController {
  constructor(
    private readonly signature: WebhookSignature,
    private readonly receiveActivity: ReceiveActivity,
  ) {}

  @Get()
  crc(@Query('crc_token') crcToken: unknown): { response_token: string } {
    if (typeof crcToken !== 'string' || crcToken.length === 0 || crcToken.length > 1_000) {
      throw new XException('crc_token_missing', 'GET /webhooks/x needs one crc_token');
    }
    return { response_token: this.signature.crcResponseToken(crcToken) };
  }

  @Post()
  @HttpCode(200)
  receive(
    @Req() req: RawBodyRequest,
    @Headers('x-twitter-webhooks-signature') signature: string | undefined,
  ): Promise<ActivityReceived> {
    return this.receiveActivity.execute({ rawBody: req.rawBody ?? Buffer.alloc(0), signature });
  }
}
