export * from './install';
export * from './schema';
