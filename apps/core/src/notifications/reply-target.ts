import type { Channel, OutboundReplyV1 } from '@app/contracts';
import type { ReplyContext } from './reply-context.repository';

export interface ReplyTarget {
  channel: Channel;
  channelAccount: string;
  recipient: OutboundReplyV1['recipient'];
  threading?: OutboundReplyV1['threading'];
}

const SYNCHRONOUS: readonly Channel[] = ['web-form', 'call-center'];

/** Web-form and call-centre cases are answered in the request itself: no adapter sends later. */
export function answersSynchronously(channel: Channel): boolean {
  return SYNCHRONOUS.includes(channel);
}

function identity(ctx: ReplyContext, kind: string): string | undefined {
  return ctx.identities.find((i) => i.kind === kind)?.value;
}

export function emailOf(ctx: ReplyContext): string | undefined {
  return ctx.opening.sender.email ?? identity(ctx, 'email');
}

/**
 * Where a reply to the case's customer goes: on the channel they used, from the account they
 * wrote to, in the e-mail thread of their message or under their public mention. Web-form and
 * call-centre customers are written to by e-mail from `emailAccount`, when they gave an address.
 * Undefined when there is no way to reach them.
 */
export function replyTarget(ctx: ReplyContext, emailAccount: string): ReplyTarget | undefined {
  const s = ctx.opening.sender;
  switch (ctx.channel) {
    case 'email': {
      const email = emailOf(ctx);
      if (!email) return undefined;
      const references = [...ctx.opening.references, ctx.opening.sourceId].slice(-100);
      return {
        channel: 'email',
        channelAccount: ctx.channelAccount,
        recipient: { email },
        threading: { inReplyTo: ctx.opening.sourceId, references },
      };
    }
    case 'whatsapp': {
      const whatsappId = s.whatsappId ?? identity(ctx, 'whatsapp');
      const phone = s.phone ?? identity(ctx, 'phone');
      if (!whatsappId && !phone) return undefined;
      return {
        channel: 'whatsapp',
        channelAccount: ctx.channelAccount,
        recipient: { ...(whatsappId ? { whatsappId } : {}), ...(phone ? { phone } : {}) },
      };
    }
    case 'x': {
      const xUserId = s.xUserId ?? identity(ctx, 'x_user');
      if (!xUserId) return undefined;
      const m = ctx.opening.metadata;
      const tweetId = m.xKind === 'mention' && typeof m.xTweetId === 'string' ? m.xTweetId : null;
      return {
        channel: 'x',
        channelAccount: ctx.channelAccount,
        recipient: { xUserId, ...(s.xHandle ? { xHandle: s.xHandle.replace(/^@/, '') } : {}) },
        ...(tweetId && /^\d{1,25}$/.test(tweetId)
          ? { threading: { inReplyToTweetId: tweetId } }
          : {}),
      };
    }
    case 'web-form':
    case 'call-center': {
      const email = emailOf(ctx);
      if (!email || !emailAccount) return undefined;
      return { channel: 'email', channelAccount: emailAccount, recipient: { email } };
    }
  }
}
