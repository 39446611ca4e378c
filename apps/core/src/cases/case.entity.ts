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

  @Column('uuid', { name: 'customer_id', nullable: true })
  customerId!: string | null;

  @Column('text')
  category!: string;

  @Column('text', { name: 'store_code', nullable: true })
  storeCode!: string | null;

  @Column('text', { name: 'region_code', nullable: true })
  regionCode!: string | null;

  @Column('uuid', { name: 'manager_id', nullable: true })
  managerId!: string | null;

  @Column('text', { name: 'routed_via', nullable: true })
  routedVia!: string | null;

  @Column('timestamptz', { name: 'last_message_at' })
  lastMessageAt!: Date;

  @Column('integer', { name: 'message_count' })
  messageCount!: number;

  @Column('integer', { name: 'repeat_contacts' })
  repeatContacts!: number;

  @Column('timestamptz', { name: 'sla_started_at', nullable: true })
  slaStartedAt!: Date | null;

  @Column('timestamptz', { name: 'acknowledge_due_at', nullable: true })
  acknowledgeDueAt!: Date | null;

  @Column('timestamptz', { name: 'registration_due_at', nullable: true })
  registrationDueAt!: Date | null;

  @Column('timestamptz', { name: 'resolution_due_at', nullable: true })
  resolutionDueAt!: Date | null;

  @Column('timestamptz', { name: 'escalated_at', nullable: true })
  escalatedAt!: Date | null;

  @Column('timestamptz', { name: 'acknowledge_warn_at', nullable: true })
  acknowledgeWarnAt!: Date | null;

  @Column('timestamptz', { name: 'registration_warn_at', nullable: true })
  registrationWarnAt!: Date | null;

  @Column('timestamptz', { name: 'resolution_warn_at', nullable: true })
  resolutionWarnAt!: Date | null;

  @Column('timestamptz', { name: 'acknowledged_at', nullable: true })
  acknowledgedAt!: Date | null;

  @Column('timestamptz', { name: 'registered_at', nullable: true })
  registeredAt!: Date | null;

  @Column('timestamptz', { name: 'resolved_at', nullable: true })
  resolvedAt!: Date | null;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt!: Date | null;
}
