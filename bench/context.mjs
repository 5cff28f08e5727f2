// What every workload's request needs from a running Tessera: the demo's tokens and the seeded data.
export const DEMO_CLIENT = { id: 'demo-pos', secret: 'demo-secret' };
export const DEMO_ADMIN = { login: 'admin@demo.test', password: 'demo-admin' };
export const DEMO_AVOMARK = { username: 'demo', password: 'demo', terminal: '1' };

/** The environment of a benchmarked Tessera server on dataDir (databaseEnv: PostgreSQL's DATABASE_URL, if any). */
export function tesseraEnv(dataDir, databaseEnv = {}) {
  const env = {
    ...process.env,
    TESSERA_DATA: dataDir,
    LOG_LEVEL: 'warn',
    // The load generator stands for 1,500 tills from one address: the per-address cap (256 by default, a
    // defence against one client hoarding connections) would refuse most of the 1,500-connection workloads.
    TESSERA_MAX_CONNECTIONS_PER_ADDRESS: process.env.TESSERA_MAX_CONNECTIONS_PER_ADDRESS ?? '4000',
    ...databaseEnv,
  };
  delete env.PORT;
  delete env.HOST;
  if (!databaseEnv.DATABASE_URL) delete env.DATABASE_URL;
  return env;
}

async function formToken(url, form) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  if (response.status !== 200) {
    throw new Error(`POST ${new URL(url).pathname} answered ${response.status}: ${await response.text()}`);
  }
  return (await response.json()).access_token;
}

/**
 * The ctx that workloads.mjs's requests are built from, for the Tessera at baseUrl (started with --demo) and
 * the seeded data. runId makes receipts unique: a workload run twice on one server needs a new one each time.
 */
export async function benchContext(baseUrl, seeded, runId) {
  const token = await formToken(`${baseUrl}/oauth/token`, {
    grant_type: 'client_credentials',
    client_id: DEMO_CLIENT.id,
    client_secret: DEMO_CLIENT.secret,
  });
  const avomarkToken = await formToken(`${baseUrl}/avomark/api/token`, DEMO_AVOMARK);
  return {
    token,
    auth: { authorization: `Bearer ${token}` },
    avomarkAuth: { authorization: `Bearer ${avomarkToken}` },
    seeded,
    runId,
    client: DEMO_CLIENT,
    admin: { username: DEMO_ADMIN.login, password: DEMO_ADMIN.password },
  };
}
