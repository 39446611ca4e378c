import {
  Body,
  Controller,
  Get,
  Post,
  Query,
  Req,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { RateLimit, RateLimitGuard } from '../abuse/rate-limit.guard';
import { PageExceptionFilter } from '../page/page-exception.filter';
import { pageLanguage } from '../page/page-language';
import { sendPage } from '../page/page-response';
import { TrackPageRenderer } from './track-page.renderer';
import { AnswerAgreement } from './usecases/answer-agreement.usecase';
import { AnswerSurvey } from './usecases/answer-survey.usecase';
import { LookUpStatus } from './usecases/look-up-status.usecase';

/**
 * `/track`: the customer follows their case with its reference and a second factor, and answers
 * the agreement and survey questions. Plain forms, no JavaScript, no session: every post carries
 * the reference and factor. Posts are rate limited per client address on top of core's limits.
 */
@Controller('track')
@UseFilters(PageExceptionFilter)
@RateLimit('track')
export class TrackController {
  constructor(
    private readonly pages: TrackPageRenderer,
    private readonly lookUpStatus: LookUpStatus,
    private readonly answerAgreement: AnswerAgreement,
    private readonly answerSurvey: AnswerSurvey,
  ) {}

  @Get()
  form(@Query('reference') reference: unknown, @Req() req: Request, @Res() res: Response): void {
    const values = {
      reference: typeof reference === 'string' ? reference.slice(0, 40) : undefined,
    };
    sendPage(res, this.pages.lookUp({ lang: pageLanguage(req), status: 200, values }));
  }

  @Post()
  @UseGuards(RateLimitGuard)
  async lookUp(@Body() body: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    sendPage(res, await this.lookUpStatus.execute(command(body, req)));
  }

  @Post('agreement')
  @UseGuards(RateLimitGuard)
  async agreement(@Body() body: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    sendPage(res, await this.answerAgreement.execute(command(body, req)));
  }

  @Post('survey')
  @UseGuards(RateLimitGuard)
  async survey(@Body() body: unknown, @Req() req: Request, @Res() res: Response): Promise<void> {
    sendPage(res, await this.answerSurvey.execute(command(body, req)));
  }
}

function command(body: unknown, req: Request) {
  return {
    body: typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {},
    language: pageLanguage(req),
    clientIp: req.ip,
  };
}
