import type { Harness } from '../../../../test/support/harness.js';

/** A PROMO token as the manual gets it: curl -u my-client: -d grant_type=password ... -d scope=read. */
export async function promoToken(h: Harness): Promise<string> {
  const res = await h.request({
    method: 'POST',
    url: '/promo/oauth/token',
    headers: {
      authorization: `Basic ${Buffer.from('my-client:').toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    payload: 'grant_type=password&username=sender&password=mate&scope=read',
  });
  if (res.statusCode !== 200) throw new Error(`promo token: ${res.statusCode} ${res.body}`);
  return (res.json() as { access_token: string }).access_token;
}
