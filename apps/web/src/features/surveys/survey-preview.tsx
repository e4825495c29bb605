import { Card, Checkbox, Empty, Flex, Input, Radio, Rate, Segmented, Tag, Typography } from 'antd';
import { AimOutlined, EyeOutlined } from '@ant-design/icons';
import { QUESTION_SCALES, type QuestionType, type ServqualDimension } from '@qloop/contracts';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCategories } from '../../api/tickets';
import { elementLabel } from './element-tree';
import { DimensionTag, QuestionTypeTag } from './survey-tags';

/** What the preview reads: a saved version's content, or the editor's half-made draft. */
export interface PreviewQuestion {
  key: string;
  type: QuestionType;
  textZh: string;
  textEn: string;
  required?: boolean;
  options?: readonly { value: string; labelZh: string; labelEn: string }[];
  elementId?: string | null;
  dimension?: ServqualDimension | null;
}
export interface PreviewContent {
  nameZh: string;
  nameEn: string;
  introZh?: string;
  introEn?: string;
  questions: readonly PreviewQuestion[];
}

export type PreviewLang = 'zh' | 'en';

const range = (min: number, max: number) => Array.from({ length: max - min + 1 }, (_, i) => min + i);

/** A row of score buttons with the scale's ends named beneath. */
function ScaleRow({
  type,
  low,
  high,
  label,
}: {
  type: QuestionType;
  low: string;
  high: string;
  label?: string;
}) {
  const scale = QUESTION_SCALES[type]!;
  return (
    <Flex gap={8} align="flex-start">
      {label && (
        <Typography.Text
          style={{ width: 84, flexShrink: 0, paddingTop: 2 }}
          data-testid="preview-scale-label"
        >
          {label}
        </Typography.Text>
      )}
      <div style={{ flex: 1, minWidth: 0, maxWidth: 480 }}>
        <Radio.Group optionType="button" size="small" style={{ display: 'flex', width: '100%' }}>
          {range(scale.min, scale.max).map((v) => (
            <Radio.Button key={v} value={v} style={{ flex: 1, textAlign: 'center', paddingInline: 0 }}>
              {v}
            </Radio.Button>
          ))}
        </Radio.Group>
        <Flex justify="space-between" style={{ marginTop: 2 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {low}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {high}
          </Typography.Text>
        </Flex>
      </div>
    </Flex>
  );
}

/**
 * A survey as a respondent reads it, in the survey's Chinese or English (`lang`), with the
 * designer's notes beside each question in the reader's own language: type, key, scale,
 * perception element, SERVQUAL dimension. The answer controls can be tried; nothing is kept.
 */
export function SurveyPreview({
  content,
  lang,
  annotate = true,
}: {
  content: PreviewContent;
  lang: PreviewLang;
  annotate?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const rt = i18n.getFixedT(lang === 'zh' ? 'zh-CN' : 'en-US');
  const en = i18n.language === 'en-US';
  const { data: categories } = useCategories();
  const name = lang === 'zh' ? content.nameZh : content.nameEn;
  const intro = lang === 'zh' ? content.introZh : content.introEn;

  const widget = (q: PreviewQuestion): ReactNode => {
    const label = (o: { labelZh: string; labelEn: string }) => (lang === 'zh' ? o.labelZh : o.labelEn) || '—';
    switch (q.type) {
      case 'csat':
        return (
          <ScaleRow
            type="csat"
            low={`1 ${rt('survey.resp_csatLow')}`}
            high={`${rt('survey.resp_csatHigh')} 5`}
          />
        );
      case 'nps':
        return (
          <ScaleRow
            type="nps"
            low={`0 ${rt('survey.resp_npsLow')}`}
            high={`${rt('survey.resp_npsHigh')} 10`}
          />
        );
      case 'stars':
        return <Rate style={{ fontSize: 22 }} />;
      case 'servqual':
        return (
          <Flex vertical gap={6}>
            {(['expectation', 'perception'] as const).map((part) => (
              <ScaleRow
                key={part}
                type="servqual"
                label={rt(`survey.resp_${part}`)}
                low={`1 ${rt('survey.resp_low')}`}
                high={`${rt('survey.resp_high')} 7`}
              />
            ))}
          </Flex>
        );
      case 'single':
      case 'multiple': {
        const options = q.options ?? [];
        if (!options.length)
          return <Typography.Text type="secondary">{rt('survey.resp_noOptions')}</Typography.Text>;
        return q.type === 'single' ? (
          <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
            {options.map((o, i) => (
              <Radio key={`${i}:${o.value}`} value={i}>
                {label(o)}
              </Radio>
            ))}
          </Radio.Group>
        ) : (
          <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
            {options.map((o, i) => (
              <Checkbox key={`${i}:${o.value}`} value={i}>
                {label(o)}
              </Checkbox>
            ))}
          </Checkbox.Group>
        );
      }
      case 'text':
        return <Input.TextArea rows={2} placeholder={rt('survey.resp_textPlaceholder')} />;
    }
  };

  return (
    <div data-testid="survey-preview" lang={lang === 'zh' ? 'zh-CN' : 'en-US'}>
      <Typography.Title level={5} style={{ marginTop: 0 }} data-testid="preview-name">
        {name || <Typography.Text type="secondary">{rt('survey.resp_untitled')}</Typography.Text>}
      </Typography.Title>
      {intro && (
        <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
          {intro}
        </Typography.Paragraph>
      )}
      {content.questions.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('survey.previewEmpty')} />
      )}
      {content.questions.map((q, i) => {
        const text = lang === 'zh' ? q.textZh : q.textEn;
        const scale = QUESTION_SCALES[q.type];
        const element = q.elementId ? (elementLabel(categories ?? [], q.elementId, en) ?? '…') : null;
        return (
          <div key={i} className="qloop-survey-q" data-testid="preview-question">
            <div style={{ fontWeight: 500, marginBottom: 6 }}>
              {i + 1}.{' '}
              {text || (
                <Typography.Text type="secondary" italic>
                  {rt('survey.resp_noText')}
                </Typography.Text>
              )}
              {q.required !== false ? (
                <span style={{ color: '#ff4d4f', marginInlineStart: 4 }} aria-hidden>
                  *
                </span>
              ) : (
                <Typography.Text type="secondary" style={{ fontWeight: 400, marginInlineStart: 4 }}>
                  {rt('survey.resp_optional')}
                </Typography.Text>
              )}
              {q.type === 'multiple' && (
                <Typography.Text type="secondary" style={{ fontWeight: 400, marginInlineStart: 4 }}>
                  {rt('survey.resp_multiple')}
                </Typography.Text>
              )}
            </div>
            {annotate && (
              <Flex gap={4} wrap align="center" style={{ marginBottom: 8 }} data-testid="preview-annotations">
                <QuestionTypeTag type={q.type} />
                <Tag bordered={false} style={{ marginInlineEnd: 0, fontFamily: 'monospace' }}>
                  {q.key}
                </Tag>
                {scale && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('survey.scale', scale)}
                  </Typography.Text>
                )}
                {element && (
                  <Tag
                    icon={<AimOutlined />}
                    color="blue"
                    style={{ marginInlineEnd: 0 }}
                    data-testid="question-element-tag"
                  >
                    {element}
                  </Tag>
                )}
                {q.type === 'servqual' && q.dimension && <DimensionTag dimension={q.dimension} />}
              </Flex>
            )}
            {widget(q)}
          </div>
        );
      })}
    </div>
  );
}

/** The preview in a card with its 中文 / English switch (the reader's language first). */
export function PreviewCard({
  content,
  title,
  extra,
  sticky,
}: {
  content: PreviewContent;
  title?: ReactNode;
  extra?: ReactNode;
  /** stays in view beside a long editor, this far from the window's top (below the page's sticky bars) */
  sticky?: number;
}) {
  const { t, i18n } = useTranslation();
  const [lang, setLang] = useState<PreviewLang>(i18n.language === 'en-US' ? 'en' : 'zh');
  return (
    <Card
      size="small"
      title={
        title ?? (
          <Flex align="center" gap={6}>
            <EyeOutlined />
            {t('survey.preview')}
            <Typography.Text type="secondary" style={{ fontWeight: 400, fontSize: 12 }}>
              {t('survey.previewHint')}
            </Typography.Text>
          </Flex>
        )
      }
      extra={
        <Flex gap={8} align="center">
          {extra}
          <Segmented<PreviewLang>
            size="small"
            value={lang}
            onChange={setLang}
            options={[
              { value: 'zh', label: t('lang.zh-CN') },
              { value: 'en', label: t('lang.en-US') },
            ]}
            data-testid="preview-lang"
          />
        </Flex>
      }
      style={sticky !== undefined ? { position: 'sticky', top: sticky } : undefined}
      // the card's title row and a margin below it stay within the window
      styles={
        sticky !== undefined
          ? { body: { maxHeight: `calc(100vh - ${sticky + 64}px)`, overflowY: 'auto' } }
          : undefined
      }
      data-testid="preview-card"
    >
      <SurveyPreview content={content} lang={lang} />
    </Card>
  );
}
