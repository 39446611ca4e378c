import { Injectable } from '@nestjs/common';
import { messageIdOf, type CaseEventV1 } from '@app/contracts';

export interface PendingReference {
  /** The reference, or undefined when core did not answer within the wait. */
  promise: Promise<string | undefined>;
  cancel(): void;
}

const REMEMBERED = 10_000;

/**
 * Matches case events to submissions waiting for their reference number. Events that arrive
 * before anyone waits (a quick core, a retried request) are remembered for a while.
 */
@Injectable()
export class ReferenceWaiter {
  private readonly waiting = new Map<string, Set<(reference: string) => void>>();
  private readonly recent = new Map<string, string>();

  wait(messageId: string, timeoutMs: number): PendingReference {
    const known = this.recent.get(messageId);
    if (known) return { promise: Promise.resolve(known), cancel: () => undefined };
    let settle!: (reference: string | undefined) => void;
    const promise = new Promise<string | undefined>((resolve) => (settle = resolve));
    const listeners = this.waiting.get(messageId) ?? new Set();
    this.waiting.set(messageId, listeners);
    const done = (reference: string | undefined) => {
      clearTimeout(timer);
      listeners.delete(onReference);
      if (listeners.size === 0) this.waiting.delete(messageId);
      settle(reference);
    };
    const onReference = (reference: string) => done(reference);
    const timer = setTimeout(() => done(undefined), timeoutMs);
    listeners.add(onReference);
    return { promise, cancel: () => done(undefined) };
  }

  observe(events: readonly CaseEventV1[]): void {
    for (const event of events) {
      const messageId = messageIdOf(event);
      if (!messageId) continue;
      this.remember(messageId, event.reference);
      for (const listener of [...(this.waiting.get(messageId) ?? [])]) listener(event.reference);
    }
  }

  private remember(messageId: string, reference: string): void {
    this.recent.delete(messageId);
    this.recent.set(messageId, reference);
    // Maps iterate in insertion order: the first key is the oldest.
    if (this.recent.size > REMEMBERED) this.recent.delete(this.recent.keys().next().value!);
  }
}
