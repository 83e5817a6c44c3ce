export * from './dailyReference';
export * from './lifecycle';
export * from './ruleSettings';
export * from './rules';
