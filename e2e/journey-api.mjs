/**
 * API shortcuts for journeys that need data the screen under test does not create: the signed-in
 * page's session (cookie and CSRF token) takes a ticket, with the category and org unit by code.
 */
export async function takeTicket(page, { categoryCode, orgUnitCode, ...data }) {
  const csrf = { 'x-csrf-token': (await (await page.request.get('/api/v1/auth/me')).json()).csrfToken };
  const categories = (await (await page.request.get('/api/v1/categories')).json()).items;
  const units = (await (await page.request.get('/api/v1/org-units')).json()).items;
  const res = await page.request.post('/api/v1/tickets', {
    headers: csrf,
    data: { ...data, categoryId: categories.find((c) => c.code === categoryCode).id, orgUnitId: units.find((u) => u.code === orgUnitCode).id },
  });
  if (res.status() !== 201) throw new Error(`ticket not taken: ${res.status()} ${await res.text()}`);
  return { ticket: await res.json(), units };
}

/**
 * `call(method, url, data, expected)` with the signed-in page's session: asserts the status and
 * returns the JSON body (journeys set up their data through the API this way).
 */
export async function apiCaller(page, assert) {
  const csrf = { 'x-csrf-token': (await (await page.request.get('/api/v1/auth/me')).json()).csrfToken };
  return async (method, url, data, expected) => {
    const res = await page.request.fetch(url, { method, headers: csrf, data });
    assert(res.status() === expected, `${method} ${url}: ${res.status()} ${await res.text()}`);
    return res.json();
  };
}
