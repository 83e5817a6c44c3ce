/** HAProxy's configuration: screens to any ready server (websocket passes through), ingest to the writer only. */
export function haproxyConfig(port: number, servers: readonly number[]): string {
  const lines = (check: string) =>
    servers.map((p, i) => `  server s${i} 127.0.0.1:${p} check inter 200 fall 1 rise 1${check}`).join('\n');
  return `global
  maxconn 2000
defaults
  mode http
  timeout connect 1s
  timeout client 30s
  timeout server 30s
  timeout tunnel 30s
  option redispatch
  retries 2
frontend wall
  bind 127.0.0.1:${port}
  acl ingest path_beg /api/v1/ingest
  use_backend writer if ingest
  default_backend screens
backend screens
  balance roundrobin
  option httpchk GET /readyz
${lines('')}
backend writer
  option httpchk GET /readyz/writer
${lines('')}
`;
}
