/**
 * A real OpenID Connect provider (npm oidc-provider) on a free loopback port, for single sign-on
 * tests: one confidential client, authorization code with PKCE required, accounts whose e-mail is
 * the login typed on its (development) sign-in page. `signInThrough` plays the browser: it follows
 * the provider's redirects with its cookies and fills its sign-in and consent forms, until the
 * provider sends the browser back to `redirectUri`.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

export async function startOidcProvider(options: { redirectUri: string }): Promise<TestOidcProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = "skillshelf-test";
  const clientSecret = "a-client-secret-for-tests-only-0123456789";
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // The login typed on the provider's page is the account's e-mail address.
    findAccount: (_ctx: unknown, id: string) => ({
      accountId: id,
      claims: () => ({ sub: id, email: id, email_verified: true, name: id.split("@")[0] }),
    }),
    cookies: { keys: ["test-cookie-key-0123456789"] },
  });
  // Plain http on loopback: the provider would otherwise insist on secure cookies.
  provider.proxy = true;
  server.on("request", provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Plays the browser at the provider: from its authorization URL to the redirect back to us. */
export async function signInThrough(authorizationUrl: string, login: string, redirectUri: string): Promise<URL> {
  const jar = new Map<string, string>();
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const at = pair.indexOf("=");
      jar.set(pair.slice(0, at).trim(), pair.slice(at + 1));
    }
  };
  let url = authorizationUrl;
  let init: RequestInit = {};
  for (let step = 0; step < 20; step++) {
    if (url.startsWith(redirectUri)) return new URL(url);
    const response = await fetch(url, {
      ...init,
      redirect: "manual",
      headers: { ...(init.headers ?? {}), cookie: cookieHeader() },
    });
    keep(response);
    const location = response.headers.get("location");
    if (location) {
      url = new URL(location, url).toString();
      init = {};
      continue;
    }
    const html = await response.text();
    const form = /<form[^>]*action="([^"]+)"[^>]*method="post"[^>]*>([\s\S]*?)<\/form>/i.exec(html);
    if (!form) throw new Error(`the provider answered ${response.status} without a form:\n${html.slice(0, 500)}`);
    const fields = new URLSearchParams();
    for (const [input] of form[2].matchAll(/<input[^>]*>/gi)) {
      const name = /name="([^"]+)"/.exec(input)?.[1];
      if (!name) continue;
      if (name === "login") fields.set("login", login);
      else if (name === "password") fields.set("password", "any password");
      else fields.set(name, /value="([^"]*)"/.exec(input)?.[1] ?? "");
    }
    url = new URL(form[1].replace(/&amp;/g, "&"), url).toString();
    init = {
      method: "POST",
      body: fields.toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    };
  }
  throw new Error("the provider did not send the browser back");
}
