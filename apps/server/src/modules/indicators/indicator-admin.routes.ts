import {
  CreateIndicatorBody,
  DeleteIndicatorSettingsQuery,
  ExternalValue,
  ExternalValuesQuery,
  ImportExternalValuesQuery,
  ImportExternalValuesResult,
  Indicator,
  IndicatorKeyParams,
  IndicatorSettingsBody,
  IndicatorSettingsParams,
  IndicatorSettingsQuery,
  IndicatorSettingsView,
  IndicatorUnitSetting,
  INDICATOR_LIMITS,
  LIMITS,
  pageOf,
  PushExternalValuesBody,
  PushExternalValuesResult,
  UpdateIndicatorBody,
} from '@qloop/contracts';
import { badRequest, notFound } from '../../lib/errors.js';
import { defineRoute, type App } from '../../lib/route.js';
import { readUploadedSheet } from '../../lib/upload.js';
import { loadOrgUnitInScope } from '../org/org-scope.js';
import { deleteIndicator } from './delete-indicator.js';
import { listExternalValues } from './external-values.repo.js';
import { getIndicatorSettings } from './get-indicator-settings.js';
import { importExternalValues } from './import-external-values.js';
import { loadIndicator } from './indicator-catalog.js';
import { pushExternalValues } from './push-external-values.js';
import { deleteIndicatorSettings, saveIndicatorSettings } from './save-indicator-settings.js';
import { createIndicator, updateIndicator } from './save-indicator.js';

/**
 * Managing the library (indicators:manage; reading with indicators:read): custom indicators,
 * targets and thresholds per org unit, and the values of external indicators.
 */
export function registerIndicatorAdminRoutes(app: App): void {
  const tags = ['indicators'];

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/indicators',
    access: 'indicators:manage',
    summary:
      'Define a custom indicator: a ratio, per-customers or count formula over the ticket measures, or external figures (supplied by import or API)',
    tags,
    schema: { body: CreateIndicatorBody, response: { 201: Indicator } },
    handler: async (req, reply, { database, principal, audit }) => {
      const ind = await createIndicator(database.db, { principal, audit, input: req.body });
      reply.code(201);
      return ind;
    },
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/v1/indicators/:key',
    access: 'indicators:manage',
    summary:
      'Change a custom indicator (send the version you loaded); active: false retires it without deleting it',
    tags,
    schema: { params: IndicatorKeyParams, body: UpdateIndicatorBody, response: { 200: Indicator } },
    handler: async (req, _reply, { database, principal, audit }) =>
      updateIndicator(database.db, { principal, audit, key: req.params.key, input: req.body }),
  });

  defineRoute(app, {
    method: 'DELETE',
    url: '/api/v1/indicators/:key',
    access: 'indicators:manage',
    summary:
      'Delete a custom indicator nothing refers to; one that warning rules, warnings or supplied values name answers 409: deactivate it instead',
    tags,
    schema: { params: IndicatorKeyParams },
    handler: async (req, _reply, { database, audit }) => {
      await deleteIndicator(database.db, { audit, key: req.params.key });
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/indicators/:key/settings',
    access: 'indicators:read',
    summary:
      'Targets and thresholds per org unit (the units with their own), and the effective ones of a unit (default: yours) with where they come from',
    tags,
    schema: {
      params: IndicatorKeyParams,
      querystring: IndicatorSettingsQuery,
      response: { 200: IndicatorSettingsView },
    },
    handler: async (req, _reply, { database, principal }) =>
      getIndicatorSettings(database.db, { principal, key: req.params.key, orgUnitId: req.query.orgUnit }),
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/v1/indicators/:key/settings/:orgUnitId',
    access: 'indicators:manage',
    summary:
      "Set an org unit's own target and thresholds (its subtree inherits them); thresholds must worsen from yellow to red. Send the version when the unit has a setting already",
    tags,
    schema: {
      params: IndicatorSettingsParams,
      body: IndicatorSettingsBody,
      response: { 200: IndicatorUnitSetting },
    },
    handler: async (req, _reply, { database, principal, audit }) =>
      saveIndicatorSettings(database.db, {
        principal,
        audit,
        key: req.params.key,
        orgUnitId: req.params.orgUnitId,
        input: req.body,
      }),
  });

  defineRoute(app, {
    method: 'DELETE',
    url: '/api/v1/indicators/:key/settings/:orgUnitId',
    access: 'indicators:manage',
    summary:
      "Remove an org unit's own setting: it falls back to its nearest ancestor's, or the indicator's defaults",
    tags,
    schema: { params: IndicatorSettingsParams, querystring: DeleteIndicatorSettingsQuery },
    handler: async (req, _reply, { database, principal, audit }) => {
      await deleteIndicatorSettings(database.db, {
        principal,
        audit,
        key: req.params.key,
        orgUnitId: req.params.orgUnitId,
        version: req.query.version,
      });
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/indicators/:key/values',
    access: 'indicators:manage',
    summary: `Push figures of an external indicator (an array of at most ${INDICATOR_LIMITS.pushMax}): one per org unit and period, a re-push replaces; all or nothing`,
    tags,
    schema: {
      params: IndicatorKeyParams,
      body: PushExternalValuesBody,
      response: { 200: PushExternalValuesResult },
    },
    handler: async (req, _reply, { database, principal, audit }) =>
      pushExternalValues(database.db, { principal, audit, key: req.params.key, items: req.body }),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/v1/indicators/:key/values',
    access: 'indicators:read',
    summary: 'The figures supplied for an external indicator in your scope, newest period first',
    tags,
    schema: {
      params: IndicatorKeyParams,
      querystring: ExternalValuesQuery,
      response: { 200: pageOf(ExternalValue) },
    },
    handler: async (req, _reply, { database, principal }) => {
      const ind = await loadIndicator(database.db, req.params.key);
      if (!ind) throw notFound('indicator');
      if (ind.formula.kind !== 'external')
        throw badRequest('this indicator is computed from tickets; it has no supplied values');
      const q = req.query;
      if (q.orgUnit) await loadOrgUnitInScope(database.db, principal, q.orgUnit);
      const { items, total } = await listExternalValues(database.db, principal, ind.formula, ind.key, q);
      return { items, total, page: q.page, pageSize: q.pageSize };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/v1/indicators/values/import',
    access: 'indicators:manage',
    summary:
      'Import figures of external indicators from CSV or XLSX (multipart field "file"; columns indicatorKey, orgUnitCode, period, value, numerator, denominator), with a per-row report',
    tags,
    schema: { querystring: ImportExternalValuesQuery, response: { 200: ImportExternalValuesResult } },
    handler: async (req, _reply, { database, principal, audit }) => {
      // a date cell is read whole: a daily figure's day, or the month Excel made of a typed 2026-11
      const { filename, rows } = await readUploadedSheet(req, {
        dateCells: 'datetime',
        maxBytes: LIMITS.uploadBytesMax,
      });
      return importExternalValues(database.db, {
        principal,
        audit,
        sheet: rows,
        filename,
        dryRun: req.query.dryRun,
        mode: req.query.mode,
      });
    },
  });
}
