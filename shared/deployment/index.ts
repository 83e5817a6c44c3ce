export * from './install';
export * from './schema';
export * from './subunits';
