/** Ctrl-C, Ctrl-D, backspace and delete, as a terminal in raw mode sends them. */
const CTRL_C = '\u0003';
const CTRL_D = '\u0004';
const BACKSPACE = new Set(['\u0008', '\u007f']);

/**
 * Asks for a secret on the terminal without echoing it: raw mode, each key read as it comes, nothing written back
 * but the prompt and the final new line. Ctrl-C aborts.
 */
export function promptHidden(prompt: string): Promise<string> {
  const { stdin, stderr } = process;
  return new Promise((resolve, reject) => {
    let typed = '';
    stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const done = (error: Error | null) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === CTRL_C) return done(new Error('cancelled'));
        if (ch === '\r' || ch === '\n' || ch === CTRL_D) return done(null);
        if (BACKSPACE.has(ch)) typed = typed.slice(0, -1);
        else if (ch >= ' ') typed += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/** The first line of standard input (a password piped in, or given by a secrets manager), without its line end. */
export async function readFirstLine(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/, 1)[0] ?? '';
}
