import type { DownloadAccess } from '../../core/download-access.js';
import type { HotRequest } from './request.js';

/** The private app a check is about, and the channel it asks for (null: none, or one that does not exist). */
export interface PrivateGate {
  appId: string;
  channelId: string | null;
}

/**
 * A request for a private app that shows a download token gets the cached answer only if the token opens the app
 * (and channel); otherwise it gets exactly the answer for an app that does not exist, so a token cannot be used to
 * probe for other apps. Requests without a token get the cached answer: its private links ask for credentials.
 */
export function gated(
  access: DownloadAccess,
  req: HotRequest,
  tenantId: string,
  gate: PrivateGate | undefined,
  allowed: () => void,
  denied: () => void,
): Promise<void> | undefined {
  if (!gate || req.downloadToken === undefined) {
    allowed();
    return undefined;
  }
  const ok = access.allows(tenantId, req.downloadToken, gate.appId, gate.channelId);
  if (ok === true) allowed();
  else if (ok === false) denied();
  else return ok.then((yes) => (yes ? allowed() : denied()));
  return undefined;
}
