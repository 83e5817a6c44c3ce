export * from './duration';
export * from './health';
export * from './schema';
