import { Body, Controller, Get, HttpCode, Ip, Param, Post, Query } from '@nestjs/common';
import { ZodValidationPipe } from '@app/platform';
import {
  AgreementRequestSchema,
  SurveyAnswerRequestSchema,
  type AgreementRequest,
  type SurveyAnswerRequest,
  type TrackResponse,
} from './dto/track.dto';
import { AnswerSurvey } from './usecases/answer-survey.usecase';
import { RecordAgreement } from './usecases/record-agreement.usecase';
import { TrackCase } from './usecases/track-case.usecase';

/**
 * The public tracking API (no token): the reference number plus a second factor. The web form's
 * /track page calls it.
 */
@Controller('api/v1/track')
export class TrackingController {
  constructor(
    private readonly trackCase: TrackCase,
    private readonly recordAgreement: RecordAgreement,
    private readonly answerSurvey: AnswerSurvey,
  ) {}

  @Get(':reference')
  track(
    @Param('reference') reference: string,
    @Query('verify') verify: string | undefined,
    @Ip() ip: string,
  ): Promise<TrackResponse> {
    return this.trackCase.execute(reference, typeof verify === 'string' ? verify : undefined, ip);
  }

  @Post(':reference/agreement')
  @HttpCode(200)
  agreement(
    @Param('reference') reference: string,
    @Body(new ZodValidationPipe(AgreementRequestSchema)) body: AgreementRequest,
    @Ip() ip: string,
  ): Promise<TrackResponse> {
    return this.recordAgreement.execute(reference, body, ip);
  }

  @Post(':reference/survey')
  @HttpCode(200)
  survey(
    @Param('reference') reference: string,
    @Body(new ZodValidationPipe(SurveyAnswerRequestSchema)) body: SurveyAnswerRequest,
    @Ip() ip: string,
  ): Promise<TrackResponse> {
    return this.answerSurvey.execute(reference, body, ip);
  }
}
