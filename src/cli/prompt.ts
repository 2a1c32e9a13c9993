import { CliError } from './cli-error.js';

/** The first line of a stream (a password piped in), without its line ending. */
export async function readFirstLine(stream: NodeJS.ReadableStream): Promise<string> {
  let input = '';
  for await (const chunk of stream) {
    input += chunk.toString();
    if (input.includes('\n')) break;
  }
  return input.split(/\r?\n/)[0] ?? '';
}

/** Asks on the terminal without echoing what is typed. */
export function readHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    return Promise.reject(
      new CliError('no terminal to ask for the password: pipe it in with --password-stdin'),
    );
  }
  process.stderr.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (result: () => void) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      result();
    };
    const onData = (chunk: string) => {
      for (const c of chunk) {
        if (c === '\r' || c === '\n') return finish(() => resolve(typed));
        if (c === '\u0003') return finish(() => reject(new CliError('cancelled')));
        if (c === '\u007f' || c === '\b') typed = typed.slice(0, -1);
        else typed += c;
      }
    };
    stdin.on('data', onData);
  });
}
