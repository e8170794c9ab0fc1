export * from './desk-api';
export * from './desk-result';
