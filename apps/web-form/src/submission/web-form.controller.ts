import { Body, Controller, Headers, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { requestLanguage } from '@app/platform';
import type { Request } from 'express';
import { RateLimitGuard } from '../abuse/rate-limit.guard';
import type { SubmissionAccepted } from './dto/submission-accepted';
import { AcceptApiSubmission } from './usecases/accept-api-submission.usecase';

/** The JSON API for headless sites (CORS origins from WEB_FORM_CORS_ORIGINS). */
@Controller('api/v1/web-form')
export class WebFormController {
  constructor(private readonly acceptApiSubmission: AcceptApiSubmission) {}

  @Post()
  @HttpCode(202)
  @UseGuards(RateLimitGuard)
  submit(
    @Body() body: unknown,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Req() req: Request,
  ): Promise<SubmissionAccepted> {
    return this.acceptApiSubmission.execute({
      body,
      idempotencyKey,
      language: requestLanguage(req),
      remoteIp: req.ip,
    });
  }
}
