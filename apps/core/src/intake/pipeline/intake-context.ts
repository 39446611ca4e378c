import type { CaseStatus, Channel } from '@app/contracts';

/** What the decider needs to know of an existing (or just opened) case. */
export interface CaseSnapshot {
  id: string;
  reference: string;
  customerId: string | null;
  channel: Channel;
  status: CaseStatus;
  lastMessageAt: Date;
}

/** A message already on a case, reduced to what near-duplicate detection compares. */
export interface SignatureSnapshot {
  caseId: string;
  receivedAt: Date;
  signature: number[];
}

/**
 * Everything the batch's decisions depend on, loaded in a few bulk queries and then kept up to
 * date as the batch is decided: a case opened by the third message must be found by the fifth.
 */
export class IntakeContext {
  private readonly byReference = new Map<string, CaseSnapshot>();
  private readonly byId = new Map<string, CaseSnapshot>();
  private readonly threadKeys = new Map<string, string>();
  private readonly casesOfCustomer = new Map<string, CaseSnapshot[]>();
  private readonly signaturesOfCustomer = new Map<string, SignatureSnapshot[]>();

  addCase(snapshot: CaseSnapshot): void {
    this.byReference.set(snapshot.reference, snapshot);
    this.byId.set(snapshot.id, snapshot);
    if (snapshot.customerId) {
      const list = this.casesOfCustomer.get(snapshot.customerId) ?? [];
      if (!list.some((c) => c.id === snapshot.id)) list.push(snapshot);
      this.casesOfCustomer.set(snapshot.customerId, list);
    }
  }

  addThreadKey(key: string, caseId: string): void {
    if (!this.threadKeys.has(key)) this.threadKeys.set(key, caseId);
  }

  addSignature(customerId: string, snapshot: SignatureSnapshot): void {
    const list = this.signaturesOfCustomer.get(customerId) ?? [];
    list.push(snapshot);
    this.signaturesOfCustomer.set(customerId, list);
  }

  caseByReference(reference: string): CaseSnapshot | undefined {
    return this.byReference.get(reference);
  }

  caseById(id: string): CaseSnapshot | undefined {
    return this.byId.get(id);
  }

  caseOfThreadKey(key: string): CaseSnapshot | undefined {
    const id = this.threadKeys.get(key);
    return id ? this.byId.get(id) : undefined;
  }

  casesOf(customerId: string): readonly CaseSnapshot[] {
    return this.casesOfCustomer.get(customerId) ?? [];
  }

  signaturesOf(customerId: string): readonly SignatureSnapshot[] {
    return this.signaturesOfCustomer.get(customerId) ?? [];
  }

  /** A message joined the case: it is now the case's latest activity. */
  touch(caseId: string, at: Date): void {
    const snapshot = this.byId.get(caseId);
    if (snapshot && at > snapshot.lastMessageAt) snapshot.lastMessageAt = at;
  }
}

export function emailThreadKey(messageId: string): string {
  return `email:${messageId.trim().replace(/^<|>$/g, '').toLowerCase()}`;
}
