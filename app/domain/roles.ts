/**
 * Roles and permissions, shared by server and UI. The server always checks with `can`;
 * the UI uses the same function only to hide what a user may not do.
 */

export const ROLES = ["comms", "legal", "engineer", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  "view:workspace",
  "view:incidents",
  "import:incidents",
  "view:cases",
  "edit:cases",
  "edit:claims",
  "link:evidence",
  "confirm:evidence",
  "set:verdict",
  "edit:drafts",
  "manage:snippets",
  "review:drafts",
  "approve:drafts",
  "publish:statements",
  "view:audit",
  "manage:users",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  comms: [
    "view:workspace",
    "view:incidents",
    "view:cases",
    "edit:cases",
    "edit:claims",
    "link:evidence",
    "set:verdict",
    "edit:drafts",
    "approve:drafts",
    "publish:statements",
    "view:audit",
  ],
  legal: ["view:workspace", "view:incidents", "view:cases", "manage:snippets", "review:drafts", "approve:drafts", "view:audit"],
  engineer: [
    "view:workspace",
    "view:incidents",
    "import:incidents",
    "view:cases",
    "link:evidence",
    "confirm:evidence",
  ],
  admin: PERMISSIONS,
};

/** True when any of the user's roles grants the permission. */
export function can(user: { roles: readonly string[] } | null | undefined, permission: Permission): boolean {
  if (!user) return false;
  return user.roles.some((role) => (GRANTS as Record<string, readonly Permission[]>)[role]?.includes(permission));
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export const ROLE_LABELS: Record<Role, string> = {
  comms: "Comms",
  legal: "Legal",
  engineer: "Engineer",
  admin: "Admin",
};
