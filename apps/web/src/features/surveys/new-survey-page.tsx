import { App, Button, Col, Row } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { useCreateSurvey } from '../../api/surveys';
import { PageHeader } from '../../components/page-header';
import { emptyDraft, toContent, type SurveyDraft } from './survey-draft';
import { SurveyEditor, useEditorIssues } from './survey-editor';
import { checkCreate } from './survey-issues';
import { PreviewCard } from './survey-preview';
import { useSurveyError } from './use-survey-error';

/** The app's sticky header (styles.css .qloop-header). */
const HEADER_HEIGHT = 56;

/**
 * 新建问卷: a code and the content of draft version 1, checked with the contract before it is
 * sent; the server's objections land on the same fields. Then on to the survey's page.
 */
export default function NewSurveyPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const create = useCreateSurvey();
  const handle = useSurveyError();
  const [code, setCode] = useState('');
  const [draft, setDraft] = useState<SurveyDraft>(emptyDraft);
  const check = (c: string, d: SurveyDraft) => {
    const r = checkCreate(c, d);
    return r.ok ? [] : r.issues;
  };
  const editor = useEditorIssues<{ code: string; draft: SurveyDraft }>((v) => check(v.code, v.draft));

  const save = () => {
    const r = checkCreate(code, draft);
    if (!r.ok) {
      editor.show(r.issues);
      return;
    }
    create.mutate(r.body, {
      onSuccess: (s) => {
        void message.success(t('survey.created'));
        navigate(`/surveys/${s.id}`, { replace: true });
      },
      onError: (e) => {
        // the only conflict a new survey meets: its code is taken
        if (e instanceof ApiError && e.code === 'CONFLICT') {
          editor.show([{ path: 'code', message: t('survey.codeTaken') }]);
          return;
        }
        handle(e, editor.show);
      },
    });
  };

  return (
    <>
      <Link to="/surveys" className="qloop-back-link">
        <ArrowLeftOutlined /> {t('survey.back')}
      </Link>
      <div style={{ marginTop: 8 }}>
        <PageHeader
          title={t('survey.create')}
          subtitle={t('survey.createSubtitle')}
          extra={
            <>
              <Button onClick={() => navigate('/surveys')}>{t('common.cancel')}</Button>
              <Button type="primary" loading={create.isPending} onClick={save} data-testid="survey-save">
                {t('survey.saveDraft')}
              </Button>
            </>
          }
        />
      </div>
      {/* the columns stretch to the row's height, so the preview can stick beside a long editor */}
      <Row gutter={16}>
        <Col span={14}>
          <SurveyEditor
            value={draft}
            onChange={(d) => {
              setDraft(d);
              editor.recheck({ code, draft: d });
            }}
            issues={editor.issues}
            code={{
              value: code,
              onChange: (c) => {
                setCode(c);
                editor.recheck({ code: c, draft });
              },
            }}
          />
        </Col>
        <Col span={10}>
          <PreviewCard content={toContent(draft)} sticky={HEADER_HEIGHT + 16} />
        </Col>
      </Row>
    </>
  );
}
