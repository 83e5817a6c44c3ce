export * from './dailyReference';
export * from './lifecycle';
export * from './rules';
