export * from './buddhist-era-date';
export * from './national-id';
export * from './phone-number';
export * from './thai-collation';
export * from './search-tokens';
