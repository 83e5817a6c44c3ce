import { io, type Socket } from 'socket.io-client';
import {
  type CommandAck,
  type DisplayTokenIssued,
  OPERATOR_NAMESPACE,
  type OperatorClientToServer,
  type OperatorServerToClient,
  type Role,
  type ScreenCommandEnvelope,
  type ScreenStatus,
} from '../../shared/control';
import { PROTOCOL_VERSION } from '../../shared/protocol';
import type { Harness, WallClient } from './support';
import { WAIT_MS } from './support';

/** The password every test account gets. */
export const TEST_PASSWORD = 'correct horse battery';

export interface ApiAnswer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export interface CallOptions {
  cookie?: string;
  bearer?: string;
  body?: unknown;
  origin?: string;
  headers?: Record<string, string>;
}

/** Calls the HTTP API as a browser (with a cookie) or a script (a bearer token) would. */
export async function call<T = unknown>(
  url: string,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.cookie) headers.cookie = options.cookie;
  if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
  if (options.origin) headers.origin = options.origin;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${url}${path}`, {
    method,
    headers,
    ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
    signal: AbortSignal.timeout(WAIT_MS * 3),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON (CSV, an empty 204): keep the text.
  }
  return { status: res.status, headers: res.headers, body: body as T };
}

/** The `name=value` part of a Set-Cookie header, to send back as a Cookie header. */
export const cookieOf = (headers: Headers): string => (headers.get('set-cookie') ?? '').split(';')[0] ?? '';

/** Creates an account (straight in the database, as `npm run user:add` does) and signs it in; returns its cookie. */
export async function signedIn(h: Harness, name: string, role: Role = 'operator'): Promise<string> {
  await h.app.control.access.accounts.addUser(name, role, TEST_PASSWORD);
  const res = await call(h.url, 'POST', '/api/v1/session', { body: { name, password: TEST_PASSWORD } });
  if (res.status !== 200) throw new Error(`sign-in of ${name}: ${res.status} ${JSON.stringify(res.body)}`);
  return cookieOf(res.headers);
}

/** Registers a display through the API as an admin; returns its token. */
export async function registerDisplay(h: Harness, admin: string, id: string, group = 'hall'): Promise<string> {
  const res = await call<DisplayTokenIssued>(h.url, 'POST', '/api/v1/displays', {
    cookie: admin,
    body: { id, name: `Screen ${id}`, group, location: 'Hall' },
  });
  if (res.status !== 201) throw new Error(`register ${id}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token;
}

/** How a test screen answers commands: applied, refused with a reason, or never. */
export type Answer = 'apply' | 'fail' | 'ignore';

export interface TestScreen {
  socket: WallClient;
  commands: ScreenCommandEnvelope[];
  answer: Answer;
  report(status?: Partial<ScreenStatus>): void;
}

export const testStatus = (overrides: Partial<ScreenStatus> = {}): ScreenStatus => ({
  address: '/?display=hall-1',
  view: { view: 'overview' },
  lang: 'vi',
  playlist: null,
  epoch: null,
  seq: 0,
  viewport: { width: 1920, height: 1080, dpr: 1 },
  canvas: { width: 1920, height: 1080 },
  tile: null,
  build: 'test',
  kiosk: true,
  announcement: null,
  ...overrides,
});

/** A registered display's screen: connects with its token, records the commands it gets, answers as told. */
export async function connectScreen(h: Harness, token: string, answer: Answer = 'apply'): Promise<TestScreen> {
  const socket = h.client({ protocol: PROTOCOL_VERSION, token });
  const screen: TestScreen = {
    socket,
    commands: [],
    answer,
    report: (status) => socket.emit('status', testStatus(status)),
  };
  socket.on('command', (envelope: ScreenCommandEnvelope, ack: (a: CommandAck) => void) => {
    screen.commands.push(envelope);
    if (screen.answer === 'apply') ack({ ok: true });
    if (screen.answer === 'fail') ack({ ok: false, error: 'no such view on this screen' });
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the screen did not connect')), WAIT_MS);
    socket.once('snapshot', () => {
      clearTimeout(timer);
      resolve();
    });
    socket.once('connect_error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
  return screen;
}

export type OperatorSocket = Socket<OperatorServerToClient, OperatorClientToServer>;

/** A console's feed: the `/operator` namespace with a session cookie (or none). */
export function operatorSocket(h: Harness, cookie?: string): OperatorSocket {
  return io(`${h.url}${OPERATOR_NAMESPACE}`, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    ...(cookie && { extraHeaders: { cookie } }),
  });
}
