import { Inject, Injectable } from '@nestjs/common';
import type { NewCaseRecord } from '../../cases/case-record';
import { FeedbackClassifier } from '../../classification/feedback-classifier';
import { CORE_CONFIG, type CoreConfig } from '../../config/core.config';
import type { AllocatedReference } from '../../references/reference-allocator';
import { RoutingService } from '../../routing/routing.service';
import { BusinessCalendar } from '../../sla/business-calendar';
import { SlaDeadlineCache } from '../../sla/sla-deadline.cache';
import type { PlannedMessage } from './intake-plan';

function definedOnly<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(values).filter(([, v]) => v !== undefined),
  ) as Partial<T>;
}

/**
 * Everything decided when a message opens a case: its type and category, its store, region and
 * manager, and its SLA deadlines on the business calendar (category overrides included).
 */
@Injectable()
export class CaseOpener {
  private readonly deadlines: SlaDeadlineCache;

  constructor(
    @Inject(CORE_CONFIG) private readonly config: CoreConfig,
    private readonly classifier: FeedbackClassifier,
    private readonly routing: RoutingService,
    calendar: BusinessCalendar,
  ) {
    this.deadlines = new SlaDeadlineCache(calendar, config.sla.warningRatio);
  }

  open(planned: PlannedMessage, reference: AllocatedReference, now: Date): NewCaseRecord {
    const m = planned.message;
    const classification = this.classifier.classify({
      text: m.text,
      subject: m.subject,
      declaredType: m.declaredType,
      declaredCategory: m.category,
    });
    const routing = this.routing.route({
      storeCode: m.storeCode,
      recipient: m.recipient,
      channelAccount: m.channelAccount,
      subject: m.subject,
      text: m.text,
    });
    const receivedAt = new Date(m.receivedAt);
    const sla = this.deadlines.deadlines(
      receivedAt,
      // A key present but undefined would erase the default target: keep only real overrides.
      { ...this.config.sla.targets, ...definedOnly(classification.slaOverrides) },
    );
    const { matched, reason, ...caseRouting } = routing;
    return {
      id: planned.caseId,
      reference: reference.text,
      referenceYear: reference.year,
      referenceSerial: reference.serial,
      status: 'created',
      feedbackType: classification.type,
      category: classification.category,
      channel: m.channel,
      channelAccount: m.channelAccount,
      customerId: planned.customerId,
      firstMessageId: m.messageId,
      receivedAt,
      openedAt: now,
      routing: caseRouting,
      sla,
      relatedCaseIds: planned.decision.kind === 'open' ? planned.decision.relatedCaseIds : [],
      explanation: {
        typeSource: classification.typeSource,
        categorySource: classification.categorySource,
        keywords: classification.matchedKeywords,
        ...(matched ? { routingMatched: matched } : {}),
        ...(reason ? { triageReason: reason } : {}),
      },
    };
  }
}
