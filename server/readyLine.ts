import type { AddressInfo } from 'node:net';

/** How to create the first account: the wall runs without one, the console needs one. */
export const FIRST_OPERATOR_COMMAND = 'npm run user:add -- --name <name> --role admin';

export interface ReadyLine {
  message: string;
  /** The wall's address on this machine. */
  wall: string;
  /** The operator console's address. */
  console: string;
  /** Present while there is no account yet. */
  firstOperator?: string;
}

/** An address a browser on this machine can open: a server on every interface is reached as `localhost`. */
function browsableHost({ address, family }: AddressInfo): string {
  if (address === '0.0.0.0' || address === '::') return 'localhost';
  return family === 'IPv6' ? `[${address}]` : address;
}

/**
 * The last line of a start: where the wall and the console are, and, on a new deployment, how to create the first
 * operator, so that a person watching `npm start` knows what to open next.
 */
export function readyLine(address: AddressInfo, hasOperator: boolean): ReadyLine {
  const origin = `http://${browsableHost(address)}:${address.port}`;
  const wall = `${origin}/`;
  const console = `${origin}/operator`;
  const message = `IOC Wall is up: the wall at ${wall}, the console at ${console}`;
  if (hasOperator) return { message, wall, console };
  return {
    message: `${message}; no operator account yet, create the first with: ${FIRST_OPERATOR_COMMAND}`,
    wall,
    console,
    firstOperator: FIRST_OPERATOR_COMMAND,
  };
}
