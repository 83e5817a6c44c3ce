export * from './legibility';
export * from './playlist';
export * from './schedule';
export * from './settings';
