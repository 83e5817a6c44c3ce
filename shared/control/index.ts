export * from './access';
export * from './alertAck';
export * from './commands';
export * from './displays';
export * from './events';
export * from './status';
export * from './views';
