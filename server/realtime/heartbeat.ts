/**
 * socket.io's heartbeat, shorter than its defaults (25 s between pings, 20 s to answer) so that a screen whose
 * link died without a word (a cut cable, a switch that lost power) notices within about 13 s instead of 45 s, and
 * says so on screen. The cost is one small packet every 5 s per screen.
 */
export const HEARTBEAT = { pingInterval: 5_000, pingTimeout: 8_000 } as const;
