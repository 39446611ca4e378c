import {
  Body,
  Controller,
  Get,
  Post,
  Req,
  Res,
  UploadedFiles,
  UseFilters,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { AnyFilesInterceptor } from '@nestjs/platform-express';
import type { Request, Response } from 'express';
import { RateLimit, RateLimitGuard } from '../abuse/rate-limit.guard';
import type { ReceivedFile } from '../attachments/attachment-upload.storage';
import { FormRenderer } from './form-renderer';
import { PageExceptionFilter } from './page-exception.filter';
import { pageLanguage } from './page-language';
import { sendPage } from './page-response';
import { PageSubmissionGuard } from './page-submission.guard';
import { SubmitPageForm } from './usecases/submit-page-form.usecase';

/** The form page at `/`: it works without JavaScript (a plain multipart post back to `/`). */
@Controller()
@UseFilters(PageExceptionFilter)
export class PageController {
  constructor(
    private readonly forms: FormRenderer,
    private readonly submitPageForm: SubmitPageForm,
  ) {}

  @Get()
  async form(@Req() req: Request, @Res() res: Response): Promise<void> {
    sendPage(res, await this.forms.blank(pageLanguage(req)));
  }

  @Post()
  @RateLimit('submission')
  @UseGuards(PageSubmissionGuard, RateLimitGuard)
  @UseInterceptors(AnyFilesInterceptor())
  async submit(
    @Body() body: Record<string, unknown> | undefined,
    @UploadedFiles() files: ReceivedFile[] | undefined,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    sendPage(
      res,
      await this.submitPageForm.execute({
        body: body ?? {},
        files: files ?? [],
        language: pageLanguage(req),
        remoteIp: req.ip,
      }),
    );
  }
}
