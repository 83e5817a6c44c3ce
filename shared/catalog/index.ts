export * from './bands';
export * from './indicators';
export * from './overrides';
