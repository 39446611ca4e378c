import { Injectable } from '@nestjs/common';
import { CaseVerifier } from '../case-verifier';
import type { TrackResponse } from '../dto/track.dto';
import { TrackingRepository, type TrackedCase } from '../tracking.repository';

/** `GET /api/v1/track/:reference?verify=...`: the status and its timeline, for the customer. */
@Injectable()
export class TrackCase {
  constructor(
    private readonly verifier: CaseVerifier,
    private readonly tracking: TrackingRepository,
  ) {}

  async execute(reference: string, verify: string | undefined, ip: string): Promise<TrackResponse> {
    return this.respond(await this.verifier.verify(reference, verify, ip));
  }

  /** The answer for a case already verified (also after the customer's agreement or survey). */
  async respond(c: TrackedCase): Promise<TrackResponse> {
    const timeline = await this.tracking.timeline(c.caseId);
    return {
      reference: c.reference,
      status: c.status,
      openedAt: c.openedAt.toISOString(),
      resolutionDueAt: c.resolutionDueAt?.toISOString() ?? null,
      ...(c.newResolutionDate ? { newResolutionDate: c.newResolutionDate } : {}),
      ...(c.delayReason ? { delayReason: c.delayReason } : {}),
      timeline: timeline.map((t) => ({ at: t.at.toISOString(), status: t.status })),
      awaitingAgreement: c.status === 'resolved',
      surveyOpen: c.surveyOpen,
    };
  }
}
