import { Flex, Spin } from 'antd';
import { lazy, Suspense, useEffect, type ComponentType } from 'react';
import { Route, Routes } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { setCsrfToken, setUnauthorizedHandler } from './api/client';
import { sessionKey } from './api/session';
import { AppLayout } from './components/app-layout';
import { NotFound } from './components/forbidden';
import { NAV_ITEMS } from './components/nav';
import { RequirePermission } from './components/require-permission';
import { RequireAuth } from './features/auth/require-auth';

// Each screen is its own chunk: the login page does not download the audit viewer or ECharts.
const LoginPage = lazy(() => import('./features/auth/login-page'));
const PortalPage = lazy(() => import('./features/portal/portal-page'));
const SurveyAnswerPage = lazy(() => import('./features/survey-answer/survey-answer-page'));
const ScanToRatePage = lazy(() => import('./features/survey-answer/scan-to-rate-page'));
const HomePage = lazy(() => import('./features/home/home-page'));
const OrgUnitsPage = lazy(() => import('./features/org/org-units-page'));
const DepartmentsPage = lazy(() => import('./features/departments/departments-page'));
const UsersPage = lazy(() => import('./features/users/users-page'));
const CustomerBasePage = lazy(() => import('./features/customer-base/customer-base-page'));
const AuditPage = lazy(() => import('./features/audit/audit-page'));
const TokensPage = lazy(() => import('./features/tokens/tokens-page'));
const CategoriesPage = lazy(() => import('./features/admin-categories/categories-page'));
const AssignmentPage = lazy(() => import('./features/assignment/assignment-page'));
const SlaPoliciesPage = lazy(() => import('./features/sla-policies/sla-policies-page'));
const CalendarsPage = lazy(() => import('./features/calendars/calendars-page'));
const TicketsPage = lazy(() => import('./features/tickets/tickets-page'));
const NewTicketPage = lazy(() => import('./features/tickets/new-ticket-page'));
const TicketPage = lazy(() => import('./features/tickets/ticket-page'));
const TicketImportPage = lazy(() => import('./features/ticket-import/ticket-import-page'));
const DashboardPage = lazy(() => import('./features/dashboard/dashboard-page'));
const IndicatorLibraryPage = lazy(() => import('./features/indicator-library/indicator-library-page'));
const WarningsPage = lazy(() => import('./features/warnings/warnings-page'));
const WarningPage = lazy(() => import('./features/warnings/warning-page'));
const WarningRulesPage = lazy(() => import('./features/warnings/warning-rules-page'));
const SurveyAnalysisPage = lazy(() => import('./features/survey-analysis/survey-analysis-page'));
const RecoveriesPage = lazy(() => import('./features/survey-recoveries/recoveries-page'));
const SurveysPage = lazy(() => import('./features/surveys/surveys-page'));
const NewSurveyPage = lazy(() => import('./features/surveys/new-survey-page'));
const SurveyPage = lazy(() => import('./features/surveys/survey-page'));
const ScanPointsPage = lazy(() => import('./features/survey-scan-points/scan-points-page'));
const CampaignsPage = lazy(() => import('./features/survey-campaigns/campaigns-page'));

/** The page of each menu entry; the entry's permission (components/nav.tsx) guards it. */
const PAGES: Record<string, ComponentType> = {
  '/dashboard': DashboardPage,
  '/warnings': WarningsPage,
  '/survey-analysis': SurveyAnalysisPage,
  '/survey-recoveries': RecoveriesPage,
  '/surveys': SurveysPage,
  '/survey-scan-points': ScanPointsPage,
  '/survey-campaigns': CampaignsPage,
  '/tickets': TicketsPage,
  '/tickets/new': NewTicketPage,
  '/org-units': OrgUnitsPage,
  '/departments': DepartmentsPage,
  '/users': UsersPage,
  '/customer-base': CustomerBasePage,
  '/audit': AuditPage,
  '/api-tokens': TokensPage,
  '/categories': CategoriesPage,
  '/assignment': AssignmentPage,
  '/sla-policies': SlaPoliciesPage,
  '/calendars': CalendarsPage,
  '/indicator-library': IndicatorLibraryPage,
  '/warning-rules': WarningRulesPage,
};

/** Routes. Every page checks its permission again: a typed URL must not bypass the menu. */
export function App() {
  const qc = useQueryClient();

  // A 401 from any call means the session ended (expired, logged out elsewhere): forgetting it
  // makes RequireAuth redirect to /login, keeping the page the user was on for after sign-in.
  useEffect(() => {
    setUnauthorizedHandler(() => {
      setCsrfToken(null);
      qc.setQueryData(sessionKey, null);
    });
  }, [qc]);

  return (
    <Suspense fallback={<FullPageSpin />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        {/* the public customer portal: no sign-in, outside the signed-in frame */}
        <Route path="/portal" element={<PortalPage />} />
        {/* a customer answers a survey from the link in the SMS: the signed token is the only credential */}
        <Route path="/s/:token" element={<SurveyAnswerPage />} />
        {/* a printed QR code (扫码评价): mints a fresh single-use link and opens it */}
        <Route path="/q/:code" element={<ScanToRatePage />} />
        <Route element={<RequireAuth />}>
          <Route element={<AppLayout />}>
            <Route index element={<HomePage />} />
            {NAV_ITEMS.filter((n) => n.path !== '/').map((n) => {
              const Page = PAGES[n.path];
              return (
                <Route
                  key={n.path}
                  path={n.path.slice(1)}
                  element={
                    <RequirePermission permission={n.permission}>{Page ? <Page /> : <NotFound />}</RequirePermission>
                  }
                />
              );
            })}
            {/* reached from the work list's 导入 button; the menu keeps 工单 selected */}
            <Route
              path="tickets/import"
              element={
                <RequirePermission permission="tickets:manage">
                  <TicketImportPage />
                </RequirePermission>
              }
            />
            {/* a page that has no menu entry of its own; the static /tickets/new and /tickets/import rank before it */}
            <Route
              path="tickets/:id"
              element={
                <RequirePermission permission="tickets:read">
                  <TicketPage />
                </RequirePermission>
              }
            />
            <Route
              path="warnings/:id"
              element={
                <RequirePermission permission="warnings:read">
                  <WarningPage />
                </RequirePermission>
              }
            />
            {/* 新建问卷 is reached from the list's button; the static path ranks before surveys/:id */}
            <Route
              path="surveys/new"
              element={
                <RequirePermission permission="surveys:manage">
                  <NewSurveyPage />
                </RequirePermission>
              }
            />
            <Route
              path="surveys/:id"
              element={
                <RequirePermission permission="surveys:read">
                  <SurveyPage />
                </RequirePermission>
              }
            />
            <Route path="*" element={<NotFound />} />
          </Route>
        </Route>
      </Routes>
    </Suspense>
  );
}

function FullPageSpin() {
  return (
    <Flex justify="center" align="center" style={{ minHeight: '100vh' }}>
      <Spin size="large" />
    </Flex>
  );
}
