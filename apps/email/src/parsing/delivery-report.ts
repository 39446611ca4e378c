import { headerEnd } from './header-repair';
import { messageIdsIn, normalizeMessageId } from './message-ids';

export interface DeliveryReport {
  /** A permanent failure (the address does not work), not a delay. */
  permanent: boolean;
  /** The RFC 3463 status, `5.1.1`, when the report states one. */
  status?: string;
  /** Message-IDs the report is about: the returned original's, and the report's own threading. */
  messageIds: string[];
}

const DELAY_SUBJECT = /delay|delayed|verz[öo]gert|gecikme|warning/i;

/**
 * Reads a bounce: its delivery-status fields (RFC 3464 Action and Status) and the Message-ID of
 * the mail it returns (in the attached original or its headers). Bounces without a
 * delivery-status part (old MTAs) count as permanent unless their subject says delay.
 */
export function readDeliveryReport(
  raw: Buffer,
  threading: { inReplyTo?: string; references?: string | string[] },
  subject: string | undefined,
): DeliveryReport {
  const body = raw.subarray(headerEnd(raw), headerEnd(raw) + 4 * 1024 * 1024).toString('latin1');
  const actions = [...body.matchAll(/^Action:\s*([a-z]+)/gim)].map((m) => m[1].toLowerCase());
  const statuses = [...body.matchAll(/^Status:\s*([245]\.\d{1,3}\.\d{1,3})/gim)].map((m) => m[1]);
  let permanent: boolean;
  if (actions.length > 0) permanent = actions.includes('failed');
  else if (statuses.length > 0) permanent = statuses.some((s) => s.startsWith('5'));
  else permanent = !DELAY_SUBJECT.test(subject ?? '');
  const status =
    statuses.find((s) => s.startsWith(permanent ? '5' : '4')) ?? statuses[0] ?? undefined;
  const returned = [...body.matchAll(/^Message-ID:[ \t]*(?:\r?\n[ \t]+)?(\S+)/gim)]
    .map((m) => normalizeMessageId(m[1]))
    .filter((id): id is string => id !== undefined);
  const ids = [
    ...returned,
    ...messageIdsIn(threading.inReplyTo),
    ...messageIdsIn(threading.references),
  ];
  return { permanent, status, messageIds: [...new Set(ids)] };
}
