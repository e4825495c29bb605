import { App, Button } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useVerifyAudit } from '../../api/audit';
import { useApiError } from '../../api/use-api-error';

/** Recomputes every hash chain on the server and reports ok or the first broken link. */
export function VerifyChainButton() {
  const { t } = useTranslation();
  const verify = useVerifyAudit();
  const { modal } = App.useApp();
  const showError = useApiError();

  const run = () =>
    verify.mutate(undefined, {
      onSuccess: (r) => {
        if (r.ok) {
          modal.success({
            title: t('audit.verify'),
            content: t('audit.verifyOk', { chains: r.chains, entries: r.entriesChecked }),
          });
        } else {
          const b = r.firstBroken;
          modal.error({
            title: t('audit.verify'),
            content: b
              ? t('audit.verifyBroken', { chain: b.chain, seq: b.seq, reason: b.reason, message: b.message })
              : t('errors.unknown'),
          });
        }
      },
      onError: (e) => showError(e),
    });

  return (
    <Button icon={<SafetyCertificateOutlined />} onClick={run} loading={verify.isPending} data-testid="audit-verify">
      {t('audit.verify')}
    </Button>
  );
}
