import type { CaseEventV1 } from '@app/contracts';
import { randomUUID } from 'node:crypto';
import { ReferenceWaiter } from './reference-waiter';

function created(messageId: string, reference: string): CaseEventV1 {
  return {
    schemaVersion: 1,
    eventId: randomUUID(),
    occurredAt: new Date().toISOString(),
    type: 'case.created',
    caseId: randomUUID(),
    reference,
    data: {
      messageId,
      channel: 'web-form',
      channelAccount: 'default',
      feedbackType: 'complaint',
      category: 'uncategorised',
      status: 'created',
      customerId: randomUUID(),
      receivedAt: new Date().toISOString(),
      relatedReferences: [],
      sla: {
        startedAt: new Date().toISOString(),
        acknowledgeDueAt: new Date().toISOString(),
        registrationDueAt: new Date().toISOString(),
        resolutionDueAt: new Date().toISOString(),
      },
    },
  };
}

describe('ReferenceWaiter', () => {
  it('resolves a waiting submission when its case event arrives', async () => {
    const waiter = new ReferenceWaiter();
    const id = randomUUID();
    const pending = waiter.wait(id, 1_000);
    waiter.observe([created(randomUUID(), 'KM-2026-000001-5'), created(id, 'KM-2026-000002-8')]);
    await expect(pending.promise).resolves.toBe('KM-2026-000002-8');
  });

  it('gives up after the wait, without a reference', async () => {
    const waiter = new ReferenceWaiter();
    await expect(waiter.wait(randomUUID(), 10).promise).resolves.toBeUndefined();
  });

  it('answers at once for an event that arrived before anyone waited', async () => {
    const waiter = new ReferenceWaiter();
    const id = randomUUID();
    waiter.observe([created(id, 'KM-2026-000003-1')]);
    await expect(waiter.wait(id, 1_000).promise).resolves.toBe('KM-2026-000003-1');
  });
});
