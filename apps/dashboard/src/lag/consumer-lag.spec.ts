import { Topics } from '@app/contracts';
import { coreConsumption } from './consumer-lag';

describe('coreConsumption', () => {
  it('watches every topic core consumes with the group that consumes it', () => {
    expect(coreConsumption({ coreGroup: 'core', customerSideGroup: 'core-customer-side' })).toEqual(
      [
        {
          group: 'core',
          topics: [Topics.IntakeMessages, Topics.OutboundReceipts, Topics.DeadLetters],
        },
        { group: 'core-customer-side', topics: [Topics.CaseEvents] },
      ],
    );
  });
});
