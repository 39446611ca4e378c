import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CaseStatus, Channel, FeedbackType } from '@app/contracts';

@Entity({ name: 'cases' })
export class CaseEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  reference!: string;

  @Column('integer', { name: 'reference_year' })
  referenceYear!: number;

  @Column('bigint', { name: 'reference_serial' })
  referenceSerial!: string;

  @Column('text')
  status!: CaseStatus;

  @Column('text', { name: 'feedback_type' })
  feedbackType!: FeedbackType;

  @Column('text')
  channel!: Channel;

  @Column('text', { name: 'channel_account' })
  channelAccount!: string;

  @Column('uuid', { name: 'first_message_id' })
  firstMessageId!: string;

  @Column('timestamptz', { name: 'received_at' })
  receivedAt!: Date;

  @Column('timestamptz', { name: 'opened_at' })
  openedAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
