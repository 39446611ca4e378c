import type { InboundMessageV1 } from '@app/contracts';
import type { CallEvent } from './dto/call-event.schema';

/**
 * The normalized envelope for a call. The customer's contact is what the agent wrote down when
 * there is one (the number they asked to be called back on), else the line they called from; the
 * agent who took the call is metadata, never `employee` (that is whom the complaint is about).
 */
export function callEnvelope(args: {
  call: CallEvent;
  messageId: string;
  account: string;
  receivedAt: Date;
}): InboundMessageV1 {
  const { call: c } = args;
  const phone = c.customer?.phone ?? c.callerNumber;
  const startedAt = Date.parse(c.startedAt);
  const endedAt = Date.parse(c.endedAt);
  const metadata: NonNullable<InboundMessageV1['metadata']> = {
    agentId: c.agent.id,
    startedAt: new Date(startedAt).toISOString(),
    endedAt: new Date(endedAt).toISOString(),
    durationSeconds: Math.round((endedAt - startedAt) / 1000),
    callerWithheld: c.callerNumber === undefined,
    hasTranscript: c.transcript !== undefined,
  };
  if (c.agent.name) metadata.agentName = c.agent.name;
  if (c.recordingUrl) metadata.recordingUrl = c.recordingUrl;
  // Kept when it is not the contact number already, so nobody loses the line the call came from.
  if (c.callerNumber && c.callerNumber !== phone) metadata.callerNumber = c.callerNumber;
  return {
    schemaVersion: 1,
    messageId: args.messageId,
    channel: 'call-center',
    channelAccount: args.account,
    sourceId: c.callId,
    receivedAt: args.receivedAt.toISOString(),
    sentAt: new Date(endedAt).toISOString(),
    sender: {
      name: c.customer?.name,
      surname: c.customer?.surname,
      phone,
      email: c.customer?.email,
    },
    recipient: c.calledLine,
    // The agent's notes say what the complaint is; a transcript, when sent, follows them.
    text: [c.notes, c.transcript].filter(Boolean).join('\n\n'),
    language: c.language,
    declaredType: c.type,
    storeCode: c.storeCode,
    category: c.category,
    employee: c.employee,
    attachments: [],
    metadata,
  };
}
