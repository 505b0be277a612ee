// Read-only JSON API (src/api): error messages returned to API clients.

export const api = {
  apiFrameworkNotFound: "No published framework has this id or slug.",
  apiBadFrameworkId: "A framework id is a UUID or a slug of at most 200 letters, digits, '.', '_', '~' or '-'.",
} as const;
