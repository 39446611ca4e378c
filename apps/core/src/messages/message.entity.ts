import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Channel, InboundMessageV1, Sender } from '@app/contracts';

@Entity({ name: 'messages' })
export class MessageEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  channel!: Channel;

  @Column('text', { name: 'channel_account' })
  channelAccount!: string;

  @Column('text', { name: 'source_id' })
  sourceId!: string;

  @Column('uuid', { name: 'case_id', nullable: true })
  caseId!: string | null;

  @Column('timestamptz', { name: 'received_at' })
  receivedAt!: Date;

  @Column('timestamptz', { name: 'sent_at', nullable: true })
  sentAt!: Date | null;

  @Column('timestamptz', { name: 'recorded_at' })
  recordedAt!: Date;

  @Column('jsonb')
  sender!: Sender;

  @Column('text', { nullable: true })
  subject!: string | null;

  @Column('text')
  body!: string;

  @Column('text', { nullable: true })
  language!: string | null;

  /** The envelope as received, for audit and reprocessing. */
  @Column('jsonb')
  envelope!: InboundMessageV1;

  @Column('integer', { name: 'kafka_partition' })
  kafkaPartition!: number;

  @Column('bigint', { name: 'kafka_offset' })
  kafkaOffset!: string;

  @Column('integer', { name: 'duplicate_count' })
  duplicateCount!: number;

  @Column('timestamptz', { name: 'last_duplicate_at', nullable: true })
  lastDuplicateAt!: Date | null;
}
