import { Inject, Injectable } from '@nestjs/common';
import { Topics } from '@app/contracts';
import { DataSource } from 'typeorm';
import { CORE_CONFIG, type CoreConfig } from '../../config/core.config';
import { CoreException } from '../../core.exception';
import { OutboxRelay } from '../../outbox/outbox.relay';
import { OutboxRepository } from '../../outbox/outbox.repository';
import { RoutingService } from '../../routing/routing.service';
import { caseRoutedEvent } from '../case-events';
import { CaseHistoryRepository } from '../case-history.repository';
import { caseNotFound, ownReference } from '../case-reference';
import { CaseRepository } from '../case.repository';
import type { CaseResponse } from '../dto/case.response';
import { toCaseResponse } from '../dto/case.response';
import type { RerouteRequest } from '../dto/reroute.request';

/**
 * Sends a case to another store or region by hand. The change, who made it and why go into the
 * case history and out as `case.routed`, in one transaction.
 */
@Injectable()
export class RerouteCase {
  constructor(
    @Inject(CORE_CONFIG) private readonly config: CoreConfig,
    private readonly dataSource: DataSource,
    private readonly cases: CaseRepository,
    private readonly history: CaseHistoryRepository,
    private readonly outbox: OutboxRepository,
    private readonly relay: OutboxRelay,
    private readonly routing: RoutingService,
  ) {}

  /** `regionScope`: a manager may re-route only a case of their own region. */
  async execute(
    reference: string,
    request: RerouteRequest,
    actor: string,
    regionScope: string | null = null,
  ): Promise<CaseResponse> {
    const own = ownReference(reference, this.config.referencePrefix);
    const target = await this.routing.lookup(request);
    if (!target)
      throw new CoreException(
        'routing_target_unknown',
        'no active store or region has this code',
        false,
      );
    const updated = await this.dataSource.transaction(async (em) => {
      const found = own ? await this.cases.lockByReference(em, own) : null;
      if (!found || (regionScope !== null && found.regionCode !== regionScope))
        throw caseNotFound();
      const now = new Date();
      const before = {
        storeCode: found.storeCode,
        regionCode: found.regionCode,
        managerId: found.managerId,
      };
      await this.cases.setRouting(em, found.id, target);
      await this.history.append(em, [
        {
          caseId: found.id,
          at: now,
          kind: 'rerouted',
          actor,
          details: { before, after: target, reason: request.reason },
        },
      ]);
      await this.outbox.enqueue(em, Topics.CaseEvents, [
        caseRoutedEvent(found, target, now, { by: actor, reason: request.reason }),
      ]);
      return {
        ...found,
        storeCode: target.storeCode,
        regionCode: target.regionCode,
        managerId: target.managerId,
        routedVia: target.via,
      };
    });
    this.relay.wake();
    return toCaseResponse(updated);
  }
}
