export * from './channel';
export * from './inbound-message.v1';
export * from './case-event.v1';
export * from './dead-letter.v1';
export * from './topics';
export * from './contract-validator';
export * from './reference-number';
