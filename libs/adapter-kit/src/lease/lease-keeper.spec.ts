import { Logger } from '@nestjs/common';
import { LeaseKeeper } from './lease-keeper';
import type { LeaseRepository } from './lease.repository';

describe('LeaseKeeper', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => jest.useRealTimers());

  function keeper(acquire: () => Promise<boolean>) {
    const lost = jest.fn();
    const leases = { acquire, release: () => Promise.resolve() } as unknown as LeaseRepository;
    return { lease: new LeaseKeeper(leases, 'imap:a@b.c', 'me', 30_000, lost), lost };
  }

  it('keeps the lease across one failed renewal, and gives it up before it can run out', async () => {
    let databaseUp = true;
    const { lease, lost } = keeper(() =>
      databaseUp ? Promise.resolve(true) : Promise.reject(new Error('connection refused')),
    );
    expect(await lease.tryAcquire()).toBe(true);
    databaseUp = false;
    await jest.advanceTimersByTimeAsync(10_000); // first renewal fails: 20 s left, still ours
    expect(lease.isHeld).toBe(true);
    expect(lost).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(10_000); // second fails: the next would come too late
    expect(lease.isHeld).toBe(false);
    expect(lost).toHaveBeenCalledTimes(1);
  });

  it('says at once when another instance holds the lease', async () => {
    let ours = true;
    const { lease, lost } = keeper(() => Promise.resolve(ours));
    await lease.tryAcquire();
    ours = false;
    await jest.advanceTimersByTimeAsync(10_000);
    expect(lease.isHeld).toBe(false);
    expect(lost).toHaveBeenCalledTimes(1);
  });
});
