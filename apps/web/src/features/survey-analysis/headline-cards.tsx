import { Card, Col, Flex, Row, Tooltip, Typography } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import type { SurveyAnalysis } from '@qloop/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatScore, npsShares } from './analysis-format';

/** One headline figure: its name (with what it means on hover), the number, and what it is made of. */
function Headline({
  title,
  hint,
  value,
  unit,
  parts,
  testId,
  children,
}: {
  title: string;
  hint?: string;
  value: string;
  unit?: string;
  parts: ReactNode;
  testId: string;
  children?: ReactNode;
}) {
  return (
    <Card
      size="small"
      style={{ height: '100%' }}
      styles={{ body: { padding: '12px 16px' } }}
      data-testid={testId}
    >
      <Flex gap={6} align="center">
        <Typography.Text type="secondary">{title}</Typography.Text>
        {hint && (
          <Tooltip title={hint}>
            <QuestionCircleOutlined style={{ color: '#bfbfbf', fontSize: 12 }} />
          </Tooltip>
        )}
      </Flex>
      <Typography.Text
        strong
        style={{ display: 'block', fontSize: 26, lineHeight: '36px', fontVariantNumeric: 'tabular-nums' }}
        data-testid={`${testId}-value`}
      >
        {value}
        {unit && value !== '—' && (
          <span style={{ fontSize: 14, fontWeight: 400, marginInlineStart: 2 }}>{unit}</span>
        )}
      </Typography.Text>
      <Typography.Text
        type="secondary"
        style={{ fontSize: 12, fontVariantNumeric: 'tabular-nums' }}
        data-testid={`${testId}-parts`}
      >
        {parts}
      </Typography.Text>
      {children}
    </Card>
  );
}

/** NPS's promoters, passives and detractors as one stacked bar. */
function NpsBar({ nps }: { nps: SurveyAnalysis['nps'] }) {
  const { t } = useTranslation();
  const shares = npsShares(nps);
  if (!shares) return null;
  const parts = [
    { key: 'promoters', pct: shares.promoters, colour: '#52c41a', label: t('surveyAnalysis.promoters') },
    { key: 'passives', pct: shares.passives, colour: '#d9d9d9', label: t('surveyAnalysis.passives') },
    { key: 'detractors', pct: shares.detractors, colour: '#ff4d4f', label: t('surveyAnalysis.detractors') },
  ];
  return (
    <div
      style={{
        display: 'flex',
        height: 6,
        borderRadius: 3,
        overflow: 'hidden',
        marginTop: 6,
        background: '#f5f5f5',
      }}
    >
      {parts.map((p) =>
        p.pct > 0 ? (
          <Tooltip key={p.key} title={`${p.label} ${p.pct}%`}>
            <div style={{ width: `${p.pct}%`, background: p.colour }} />
          </Tooltip>
        ) : null,
      )}
    </div>
  );
}

/** The four headline figures: answers (with invitations and response rate), CSAT, NPS and the satisfaction index. */
export function HeadlineCards({ a }: { a: SurveyAnalysis }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const n = (v: number) => formatScore(v, locale, 0);
  const scored = a.elements.filter((e) => e.mean !== null).length;
  const share = a.satIndex.scoredWeightShare;
  return (
    <Row gutter={[12, 12]} data-testid="analysis-headlines">
      <Col xs={24} sm={12} xl={6}>
        <Headline
          title={t('surveyAnalysis.responses')}
          value={n(a.responses)}
          parts={
            a.invited > 0
              ? t('surveyAnalysis.invitedRate', {
                  invited: n(a.invited),
                  rate: `${formatScore(a.responseRate, locale, 1)}%`,
                })
              : t('surveyAnalysis.noInvitations')
          }
          testId="headline-responses"
        />
      </Col>
      <Col xs={24} sm={12} xl={6}>
        <Headline
          title={t('surveyAnalysis.csat')}
          hint={t('surveyAnalysis.csatHint')}
          value={formatScore(a.csat.value, locale)}
          unit="%"
          parts={
            a.csat.denominator
              ? t('surveyAnalysis.csatParts', {
                  numerator: n(a.csat.numerator),
                  denominator: n(a.csat.denominator),
                })
              : t('surveyAnalysis.noFigure')
          }
          testId="headline-csat"
        />
      </Col>
      <Col xs={24} sm={12} xl={6}>
        <Headline
          title={t('surveyAnalysis.nps')}
          hint={t('surveyAnalysis.npsHint')}
          value={formatScore(a.nps.value, locale)}
          parts={
            a.nps.n
              ? t('surveyAnalysis.npsParts', {
                  promoters: n(a.nps.promoters),
                  passives: n(a.nps.passives),
                  detractors: n(a.nps.detractors),
                })
              : t('surveyAnalysis.noFigure')
          }
          testId="headline-nps"
        >
          <NpsBar nps={a.nps} />
        </Headline>
      </Col>
      <Col xs={24} sm={12} xl={6}>
        <Headline
          title={t('surveyAnalysis.satIndex')}
          hint={t('surveyAnalysis.satIndexHint')}
          value={formatScore(a.satIndex.value, locale)}
          parts={
            a.satIndex.value === null ? (
              t('surveyAnalysis.noFigure')
            ) : (
              <>
                {t('surveyAnalysis.satIndexParts', { n: scored })}
                {share !== null && share < 1 && (
                  <Typography.Text
                    type="warning"
                    style={{ display: 'block', fontSize: 12 }}
                    data-testid="headline-index-share"
                  >
                    {t('surveyAnalysis.satIndexShare', { share: formatScore(share * 100, locale, 1) })}
                  </Typography.Text>
                )}
              </>
            )
          }
          testId="headline-index"
        />
      </Col>
    </Row>
  );
}
