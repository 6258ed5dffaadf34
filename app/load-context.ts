/**
 * What the server hands every loader and action. The database arrives here rather than through a
 * module singleton, so route tests pass their own and the app holds no state of its own.
 */
import type { Db } from "#db/client";

export interface FactdeskContext {
  db: Db;
  /** Signs the session cookie. */
  sessionSecret: string;
  /** Demo mode shows the demo accounts on the sign-in page. */
  demo: boolean;
  /** The address the request came from (behind a proxy on loopback, X-Forwarded-For), for the audit trail. */
  clientIp?: string;
  /** Whether the import page may pull a status page from this machine or a private network (FACTDESK_ALLOW_PRIVATE_PULL=1). */
  allowPrivatePull?: boolean;
}

declare module "@remix-run/node" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends FactdeskContext {}
}
