import { lagOf } from './group-lag';

describe('lagOf', () => {
  it('sums what the group has not committed, per partition', () => {
    const watermarks = [
      { partition: 0, low: '0', high: '10' },
      { partition: 1, low: '0', high: '5' },
    ];
    expect(
      lagOf(watermarks, [
        { partition: 0, offset: '7' },
        { partition: 1, offset: '5' },
      ]),
    ).toBe(3);
  });

  it('counts a partition never committed (offset -1) from its oldest message', () => {
    const watermarks = [{ partition: 0, low: '4', high: '10' }];
    expect(lagOf(watermarks, [{ partition: 0, offset: '-1' }])).toBe(6);
    expect(lagOf(watermarks, [])).toBe(6);
  });

  it('counts a committed offset that retention has since deleted from the oldest message kept', () => {
    const watermarks = [{ partition: 0, low: '50', high: '60' }];
    expect(lagOf(watermarks, [{ partition: 0, offset: '20' }])).toBe(10);
  });
});
