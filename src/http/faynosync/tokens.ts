import { Router } from 'express';
import type { AppContext } from '../../context.js';

export function tokensRouter(_ctx: AppContext): Router {
  return Router();
}
