import type { FastifyRequest } from 'fastify';
import {
  IdParams, pageOf, PublicScanPoint, ScanCodeParams, ScanMintResult, ScanPointActionBody, ScanPointListQuery, ScanPointQrQuery, ScanPointSave,
  ScanPointUpdate, SurveyScanPoint,
} from '@qloop/contracts';
import { AppError } from '../../lib/errors.js';
import { defineRoute, type App } from '../../lib/route.js';
import { scanRepeatGuard } from './scan-repeat-guard.js';
import { publicShape, type ScanPointShape } from './scan-points.repo.js';
import { listScanPoints, loadScanPointInScope } from './scan-points.js';
import { createScanPoint, setScanPointActive, updateScanPoint } from './save-scan-point.js';
import { loadPublicScanPoint, mintScanInvitation } from './scan-to-rate.js';
import { publicScanUrl } from './scan-code.js';
import { qrContentDisposition, qrPng, qrSvg } from './qr-code.js';

/** Scan-to-rate points (扫码评价): printed QR codes of a store, a counter or a staff member. */
export function registerScanPointRoutes(app: App): void {
  const tags = ['surveys'];
  // the printed address: the configured public origin, else the one the manager is using (behind a
  // proxy with TRUST_PROXY, as the proxy reports it)
  const originOf = (req: FastifyRequest) => app.config.publicBaseUrl ?? `${req.protocol}://${req.host}`;
  const withUrl = (req: FastifyRequest) => (p: ScanPointShape) => ({ ...p, url: publicScanUrl(originOf(req), p.code) });

  defineRoute(app, {
    method: 'GET', url: '/api/v1/survey-scan-points', access: 'surveys:read', tags,
    summary: 'Scan-to-rate points of the org units in your scope, filtered by survey, org unit (with its subtree), kind, state and text; sorted and paged',
    schema: { querystring: ScanPointListQuery, response: { 200: pageOf(SurveyScanPoint) } },
    handler: async (req, _reply, { database, principal }) => {
      const page = await listScanPoints(database.db, principal, req.query);
      return { ...page, items: page.items.map(withUrl(req)) };
    },
  });

  defineRoute(app, {
    method: 'GET', url: '/api/v1/survey-scan-points/:id', access: 'surveys:read', tags,
    summary: 'One scan-to-rate point',
    schema: { params: IdParams, response: { 200: SurveyScanPoint } },
    handler: async (req, _reply, { database, principal }) => withUrl(req)(publicShape(await loadScanPointInScope(database.db, principal, req.params.id))),
  });

  defineRoute(app, {
    method: 'POST', url: '/api/v1/survey-scan-points', access: 'surveys:manage', tags,
    summary: 'Add a scan-to-rate point with a fresh public code: a published survey, an org unit in your scope, a staff member of it for a staff point; audited',
    schema: { body: ScanPointSave, response: { 201: SurveyScanPoint } },
    handler: async (req, reply, { database, principal, audit }) => {
      reply.code(201);
      return withUrl(req)(await createScanPoint(database.db, { principal, audit }, req.body));
    },
  });

  defineRoute(app, {
    method: 'PUT', url: '/api/v1/survey-scan-points/:id', access: 'surveys:manage', tags,
    summary: 'Change a scan-to-rate point (send the rowVersion you loaded; 409 when someone changed it since); the printed code stays; audited',
    schema: { params: IdParams, body: ScanPointUpdate, response: { 200: SurveyScanPoint } },
    handler: async (req, _reply, { database, principal, audit }) => withUrl(req)(await updateScanPoint(database.db, { principal, audit }, req.params.id, req.body)),
  });

  for (const [action, active] of [['deactivate', false], ['reactivate', true]] as const) {
    defineRoute(app, {
      method: 'POST', url: `/api/v1/survey-scan-points/:id/${action}`, access: 'surveys:manage', tags,
      summary: active ? 'Put a scan-to-rate point back in use (its survey must be published); audited' : 'Deactivate a scan-to-rate point: its code then opens a “closed” page; its answers stay; audited',
      schema: { params: IdParams, body: ScanPointActionBody, response: { 200: SurveyScanPoint } },
      handler: async (req, _reply, { database, principal, audit }) => withUrl(req)(await setScanPointActive(database.db, { principal, audit }, req.params.id, req.body.rowVersion, active)),
    });
  }

  for (const format of ['svg', 'png'] as const) {
    defineRoute(app, {
      method: 'GET', url: `/api/v1/survey-scan-points/:id/qr.${format}`, access: 'surveys:read', tags,
      summary: `The point's QR code as ${format === 'svg' ? 'SVG (scales to any print size)' : 'PNG of size×size pixels'}, encoding <public origin>/q/<code>; downloaded as a file`,
      schema: { params: IdParams, querystring: ScanPointQrQuery },
      handler: async (req, reply, { database, principal }) => {
        const p = await loadScanPointInScope(database.db, principal, req.params.id);
        const url = publicScanUrl(originOf(req), p.code);
        reply
          .type(format === 'svg' ? 'image/svg+xml' : 'image/png')
          .header('content-disposition', qrContentDisposition({ code: p.code, orgUnitName: p.orgUnitName, label: p.labelZh }, format))
          .header('cache-control', 'private, no-cache');
        return reply.send(format === 'svg' ? await qrSvg(url) : await qrPng(url, req.query.size));
      },
    });
  }

  const publicTags = ['surveys (public)'];
  defineRoute(app, {
    method: 'GET', url: '/api/v1/public/scan/:code', access: 'public', tags: publicTags,
    summary: 'What a scanned code rates (the point’s label, its unit, the survey’s name); refusals carry details.reason: invalid (404), closed (409)',
    rateLimit: { max: 60, timeWindow: '1 minute' },
    schema: { params: ScanCodeParams, response: { 200: PublicScanPoint } },
    handler: async (req, _reply, { database }) => loadPublicScanPoint(database.db, req.params.code),
  });

  const repeats = scanRepeatGuard({ max: app.config.scanRepeatLimit, windowMs: 10 * 60_000 });
  defineRoute(app, {
    method: 'POST', url: '/api/v1/public/scan/:code', access: 'public', tags: publicTags,
    summary: 'A scan: mints a fresh single-use link (channel qr, valid two hours) of the point’s survey and returns its answer page; refusals as above; a flood from one address is refused (429)',
    rateLimit: { max: app.config.surveyRateLimit, timeWindow: '10 minutes' },
    schema: { params: ScanCodeParams, response: { 201: ScanMintResult } },
    handler: async (req, reply, { database }) => {
      // one phone rating the same counter or person again and again is refused like a flood
      if (!repeats.allow(req.ip, req.params.code.toUpperCase(), Date.now())) {
        throw new AppError('RATE_LIMITED', 'this code was rated from here several times in the last minutes; please try again later', 429);
      }
      reply.code(201);
      return mintScanInvitation(database.db, app.sessionSecret, req.params.code);
    },
  });
}
