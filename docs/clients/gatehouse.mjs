// Gatehouse with Node's built-in fetch (Node 20): log in, create and read a company, use an Auth Key, revoke it, log out.
//   GATEHOUSE_URL=http://localhost:8080 GATEHOUSE_LOGIN=admin GATEHOUSE_PASSWORD=... GATEHOUSE_COMPANY=acme node gatehouse.mjs
const { GATEHOUSE_URL: url, GATEHOUSE_LOGIN: login, GATEHOUSE_PASSWORD: password } = process.env;
const company = process.env.GATEHOUSE_COMPANY ?? 'acme';

// POSTs JSON with these headers; answers the reply and its body, throws Gatehouse's failure.
async function post(path, body, headers = {}) {
  const reply = await fetch(url + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const data = await reply.json();
  if (data.result !== 'success') throw new Error(`${path}: HTTP ${reply.status} failure ${data.code} ${data.message}`);
  return { reply, data };
}

try {
  if (!url || !login || !password) throw new Error('set GATEHOUSE_URL, GATEHOUSE_LOGIN and GATEHOUSE_PASSWORD');
  // Log in with the auth block; fetch keeps no cookies, so keep the Red60urne one from Set-Cookie.
  const { reply, data: { user } } = await post('/rest/auth/', { auth: { type: 'auth', username: login, password } });
  const session = { Cookie: reply.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('Red60urne=')) };
  console.log(`logged in as ${user.login} (user ${user.id})`);

  // A management call: create a company (values.company is its id), then read it back.
  const created = await post('/rest/ops/create/company', { values: { company, name: 'Example company' } }, session);
  console.log(`created company ${company}: id ${created.data.values[company].id}`);
  const read = await post('/rest/ops/read/company', { scope: { company } }, session);
  console.log(`read company ${company}: ${read.data.values[company].name}`);

  // An Auth Key for this user: the reply is the only time the key is shown. Then a call with the key alone.
  const [key] = (await post('/rest/ops/create/authinfo', { values: { contact_id: user.id } }, session)).data.values;
  console.log(`made Auth Key ${key.id}`);
  const asKey = await post('/rest/auth/', {}, { Authorization: `token auth=${key.token}` });
  console.log(`the key acts as ${asKey.data.user.login}`);

  // Revoke the key and end the session.
  await post('/rest/ops/delete/authinfo', { scope: { id: key.id } }, session);
  console.log(`revoked Auth Key ${key.id}`);
  await post('/rest/auth/logout', { auth: { type: 'auth' } }, session);
  console.log('logged out');
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
