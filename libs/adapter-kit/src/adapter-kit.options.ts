import type { Channel } from '@app/contracts';

export interface AdapterKitOptions {
  channel: Channel;
  /** How often each account's health beat is sent even when nothing changes. */
  beatIntervalMs: number;
  /** This process, as named in health beats and leases: host, pid and a random suffix. */
  instanceId: string;
}

export const ADAPTER_KIT_OPTIONS = Symbol('ADAPTER_KIT_OPTIONS');
