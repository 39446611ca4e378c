import { Inject, Injectable } from '@nestjs/common';
import type { TwitterApiReadWrite } from 'twitter-api-v2';
import { X_CLIENT } from '../client/x-client.provider';

function idIn(result: unknown, field: 'dm_event_id' | 'id'): string | undefined {
  // X wraps write results in `data`; twitter-api-v2 types some of them without it.
  const data = (result as { data?: Record<string, unknown> } | undefined)?.data ?? result;
  const id = (data as Record<string, unknown> | undefined)?.[field];
  return typeof id === 'string' ? id : undefined;
}

/** Sends as our account: direct messages, and public replies under a customer's post. */
@Injectable()
export class XMessenger {
  constructor(@Inject(X_CLIENT) private readonly client: TwitterApiReadWrite) {}

  /**
   * `POST /2/dm_conversations/with/:participant_id/messages`; the DM event id. X answering 2xx
   * means it was sent, even when the answer names no id (null): sending again would repeat it.
   */
  async sendDirectMessage(recipientId: string, text: string): Promise<string | null> {
    const result: unknown = await this.client.v2.sendDmToParticipant(recipientId, { text });
    return idIn(result, 'dm_event_id') ?? null;
  }

  /** `POST /2/tweets` in reply to `tweetId`; the new post's id. */
  async replyInPublic(tweetId: string, text: string): Promise<string | null> {
    const result: unknown = await this.client.v2.reply(text, tweetId);
    return idIn(result, 'id') ?? null;
  }
}
