export * from './bands';
export * from './indicators';
