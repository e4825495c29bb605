import { Spin } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { mintScanLink, usePublicScanPoint } from '../../api/survey-scan-points';
import { LogoMark } from '../../components/logo';
import { refusalOf, type PageRefusal } from './answers';
import { ScanRatingLine } from './scan-rating-line';
import type { ScanRouteState } from './scan-point-label';
import { LanguageToggle, RefusalNotice } from './survey-answer-page';
import './survey-answer.css';

/**
 * /q/:code — where a printed QR code (扫码评价) lands. Says what is rated, asks the server for a
 * fresh single-use link and replaces itself with the answer page, so Back or a reload never mints
 * another. Unknown codes, closed points and floods get a friendly page, as links do. Phone first.
 */
export default function ScanToRatePage() {
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en-US';
  const point = usePublicScanPoint(code);
  const mint = useMutation({ mutationFn: () => mintScanLink(code) });
  const asked = useRef(false);

  const { mutate } = mint;
  const shown = point.data;
  const open = useCallback(() => {
    if (!shown) return;
    // replace: Back leaves the page instead of minting another link; the answer page says what is rated
    mutate(undefined, {
      onSuccess: (r) =>
        void navigate(r.path, { replace: true, state: { scanPoint: shown } satisfies ScanRouteState }),
    });
  }, [shown, mutate, navigate]);
  // mint once the point is known to be open (a closed one is refused without a second call)
  useEffect(() => {
    if (!shown || asked.current) return;
    asked.current = true;
    open();
  }, [shown, open]);

  useEffect(() => {
    document.title = t('scanToRate.title');
  }, [t]);

  const error = point.error ?? mint.error;
  const refusal = error ? (refusalOf(error instanceof ApiError ? error : null) ?? 'network') : null;
  const retry = () => (point.error ? void point.refetch() : open());

  let body: ReactNode;
  if (refusal) body = <RefusalNotice refusal={scanRefusal(refusal)} onRetry={retry} words={scanWords} testIdPrefix="scan" retryTestId="scan-retry" />;
  else
    body = (
      <>
        {point.data && <ScanRatingLine point={point.data} />}
        <div className="qsr-opening" data-testid="scan-opening">
          {point.data && (
            <p className="qsr-opening-survey">{en ? point.data.surveyNameEn : point.data.surveyNameZh}</p>
          )}
          <Spin size="large" />
          <p className="qsr-opening-text">{t('scanToRate.opening')}</p>
        </div>
      </>
    );

  return (
    <div className="qsa">
      <header className="qsa-top">
        <div className="qsa-brand">
          <LogoMark size={24} />
          <span className="qsa-brand-title">{t('scanToRate.title')}</span>
        </div>
        <LanguageToggle />
      </header>
      <main className="qsa-main">{body}</main>
    </div>
  );
}

/**
 * A scanned code's refusals in terms of the code: a link minted from it cannot be used up or
 * expire before it is opened, so those read as "rating is paused" like a closed point.
 */
const scanRefusal = (r: PageRefusal): PageRefusal => (r === 'expired' || r === 'answered' ? 'closed' : r);
const scanWords = (r: PageRefusal) =>
  r === 'network'
    ? { title: 'surveyAnswer.networkTitle', text: 'surveyAnswer.networkText' }
    : r === 'invalid'
      ? { title: 'scanToRate.unknownTitle', text: 'scanToRate.unknownText' }
      : { title: `scanToRate.${r}Title`, text: `scanToRate.${r}Text` };
