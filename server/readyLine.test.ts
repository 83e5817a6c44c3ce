import { describe, expect, it } from 'vitest';
import { FIRST_OPERATOR_COMMAND, readyLine } from './readyLine';

describe('readyLine', () => {
  it('names the wall and the console on localhost when the server listens on every interface', () => {
    for (const [address, family] of [
      ['0.0.0.0', 'IPv4'],
      ['::', 'IPv6'],
    ] as const) {
      const line = readyLine({ address, family, port: 8080 }, true);
      expect(line.wall).toBe('http://localhost:8080/');
      expect(line.console).toBe('http://localhost:8080/operator');
      expect(line.message).toBe(
        'IOC Wall is up: the wall at http://localhost:8080/, the console at http://localhost:8080/operator',
      );
      expect(line.firstOperator).toBeUndefined();
    }
  });

  it('keeps a specific address, in brackets for IPv6', () => {
    expect(readyLine({ address: '127.0.0.1', family: 'IPv4', port: 4000 }, true).wall).toBe('http://127.0.0.1:4000/');
    expect(readyLine({ address: '::1', family: 'IPv6', port: 4000 }, true).console).toBe('http://[::1]:4000/operator');
  });

  it('says how to create the first operator only while there is none', () => {
    const line = readyLine({ address: '0.0.0.0', family: 'IPv4', port: 8080 }, false);
    expect(line.firstOperator).toBe(FIRST_OPERATOR_COMMAND);
    expect(line.message).toMatch(/the console at http:\/\/localhost:8080\/operator; no operator account yet/);
    expect(line.message.endsWith(FIRST_OPERATOR_COMMAND)).toBe(true);
  });
});
