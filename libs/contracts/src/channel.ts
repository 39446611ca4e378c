import { z } from 'zod';

/** The channels feedback arrives on. Adding one is a contract change: core and the dashboard read it. */
export const CHANNELS = ['email', 'whatsapp', 'x', 'web-form', 'call-center'] as const;
export const ChannelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof ChannelSchema>;

/** ISO 10002 kinds of feedback. */
export const FEEDBACK_TYPES = ['complaint', 'request', 'suggestion', 'praise'] as const;
export const FeedbackTypeSchema = z.enum(FEEDBACK_TYPES);
export type FeedbackType = z.infer<typeof FeedbackTypeSchema>;

/** Languages the gateway answers in; Turkish first. */
export const LANGUAGES = ['tr', 'az', 'en'] as const;
export const LanguageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;

/** Case workflow states (Oluşturuldu, İşlem Sırasında, Gözden Geçiriliyor, Çözümlendi, Kapatıldı). */
export const CASE_STATUSES = [
  'created',
  'in_progress',
  'under_review',
  'resolved',
  'closed',
] as const;
export const CaseStatusSchema = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatusSchema>;
