// A real OpenID provider for the tests: panva's `oidc-provider` (OpenID Certified), on a
// loopback port, with one confidential client and its development login screens (any login,
// then a consent screen). Prints `ready <issuer>` once it listens; stops with the process.
// Usage: WEB_DIR=backend/web node oidc_provider.mjs <port> <redirect_uri> [<redirect_uri> …]
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(path.resolve(process.env.WEB_DIR || '.') + '/');
const { default: Provider } = await import(require.resolve('oidc-provider'));

const [port, ...redirects] = process.argv.slice(2);
const issuer = `http://127.0.0.1:${port}`;
const provider = new Provider(issuer, {
  clients: [{
    client_id: 'hromada',
    client_secret: 'hromada-test-secret',
    redirect_uris: redirects,
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
  }],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  pkce: { required: () => true },
  // The login is the development form: the subject is what the person types as a login.
  async findAccount(ctx, sub) {
    return {
      accountId: sub,
      async claims() {
        return { sub, email: `${sub}@id.example.gov.ua`, email_verified: true, name: `Тестова Особа ${sub}` };
      },
    };
  },
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ['hromada-test-cookie-key'] },
});
provider.listen(Number(port), '127.0.0.1', () => console.log(`ready ${issuer}`));
