// oidc-provider ships no types (tests only use it as a real provider to sign in through).
declare module "oidc-provider";
