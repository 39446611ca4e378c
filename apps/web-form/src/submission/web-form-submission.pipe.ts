import { Inject, Injectable, type PipeTransform } from '@nestjs/common';
import { ZodValidationPipe } from '@app/platform';
import { WEB_FORM_CONFIG, type WebFormConfig } from '../config/web-form.config';
import { webFormSubmissionSchema, type WebFormSubmission } from './dto/web-form-submission.schema';

/** The submission schema depends on configuration (the default phone region), hence a provider. */
@Injectable()
export class WebFormSubmissionPipe implements PipeTransform<unknown, WebFormSubmission> {
  private readonly pipe: ZodValidationPipe<ReturnType<typeof webFormSubmissionSchema>>;

  constructor(@Inject(WEB_FORM_CONFIG) config: WebFormConfig) {
    this.pipe = new ZodValidationPipe(webFormSubmissionSchema(config.phoneDefaultRegion));
  }

  transform(value: unknown): WebFormSubmission {
    return this.pipe.transform(value);
  }
}
