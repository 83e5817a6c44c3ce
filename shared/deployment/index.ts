export * from './install';
export * from './schema';
export * from './simulation';
export * from './subunits';
