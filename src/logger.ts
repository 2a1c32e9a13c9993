import { type Logger, type LoggerOptions, pino } from 'pino';
import pretty from 'pino-pretty';

const OPTIONS: LoggerOptions = { redact: ['req.headers.authorization', 'password', 'api_key'] };

/**
 * The server's logger: JSON lines (what log collectors read) unless stdout is a terminal, where a person reads them
 * as coloured one-line messages with their fields. The fields are the same either way.
 */
export function createLogger(
  level: string,
  stdout: NodeJS.WritableStream & { isTTY?: boolean } = process.stdout,
): Logger {
  if (!stdout.isTTY) return pino({ ...OPTIONS, level });
  return pino(
    { ...OPTIONS, level },
    pretty({
      destination: stdout,
      colorize: true,
      translateTime: 'SYS:HH:MM:ss.l',
      ignore: 'pid,hostname',
      // One line per entry, fields after the message: a request line stays one line.
      singleLine: true,
      sync: true,
    }),
  );
}
