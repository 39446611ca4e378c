import { Controller, Get, Header, Headers, HttpCode, Post, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import { ReceiveWebhook } from '../usecases/receive-webhook.usecase';
import { VerifySubscription } from '../usecases/verify-subscription.usecase';
import { rawBodyOf } from './raw-webhook-body';

/** Meta's callback URL for the Cloud API. The raw body parser is mounted on this path. */
@Controller('webhooks/whatsapp')
export class WhatsAppWebhookController {
  constructor(
    private readonly verifySubscription: VerifySubscription,
    private readonly receiveWebhook: ReceiveWebhook,
  ) {}

  @Get()
  @Header('Content-Type', 'text/plain; charset=utf-8')
  verify(
    @Query('hub.mode') mode?: unknown,
    @Query('hub.verify_token') token?: unknown,
    @Query('hub.challenge') challenge?: unknown,
  ): string {
    return this.verifySubscription.execute({ mode, token, challenge });
  }

  @Post()
  @HttpCode(200)
  receive(@Req() req: Request, @Headers('x-hub-signature-256') signature?: string): Promise<void> {
    return this.receiveWebhook.execute({ raw: rawBodyOf(req), signature });
  }
}
