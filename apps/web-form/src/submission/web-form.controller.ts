import { Body, Controller, Headers, HttpCode, Post, Req } from '@nestjs/common';
import { requestLanguage } from '@app/platform';
import type { Request } from 'express';
import type { SubmissionAccepted } from './dto/submission-accepted';
import type { WebFormSubmission } from './dto/web-form-submission.schema';
import { SubmitFeedback } from './usecases/submit-feedback.usecase';
import { WebFormSubmissionPipe } from './web-form-submission.pipe';

@Controller('api/v1/web-form')
export class WebFormController {
  constructor(private readonly submitFeedback: SubmitFeedback) {}

  @Post()
  @HttpCode(202)
  submit(
    @Body(WebFormSubmissionPipe) submission: WebFormSubmission,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Req() req: Request,
  ): Promise<SubmissionAccepted> {
    return this.submitFeedback.execute({
      submission,
      idempotencyKey,
      language: requestLanguage(req),
    });
  }
}
