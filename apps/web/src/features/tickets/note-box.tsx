import { App, Button, Flex, Input, Segmented, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { NOTE_KINDS, TICKET_LIMITS, type NoteKind, type TicketDetail } from '@qloop/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAddTicketNote } from '../../api/tickets';
import { useTicketError } from './use-ticket-error';

/**
 * The box under the timeline: a public reply (the customer sees it, it counts as a response), an
 * internal note, or a record of a call. Ctrl+Enter sends.
 */
export function NoteBox({ ticket, reload }: { ticket: TicketDetail; reload: () => unknown }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [kind, setKind] = useState<NoteKind>('internal_note');
  const [body, setBody] = useState('');
  const add = useAddTicketNote(ticket.id);
  const handleError = useTicketError(reload);

  const send = () => {
    if (!body.trim() || add.isPending) return;
    add.mutate(
      { kind, body: body.trim() },
      {
        onSuccess: () => {
          setBody('');
          void message.success(t('ticket.noteAdded'));
        },
        onError: (e) => void handleError(e),
      },
    );
  };

  return (
    <div className={`qloop-note-box qloop-note-${kind}`} data-testid="note-box">
      <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
        <Typography.Text strong>{t('ticket.noteTitle')}</Typography.Text>
        <Segmented<NoteKind>
          size="small"
          value={kind}
          onChange={setKind}
          options={NOTE_KINDS.map((k) => ({ value: k, label: <span data-testid={`note-kind-${k}`}>{t(`noteKind.${k}`)}</span> }))}
        />
      </Flex>
      <Input.TextArea
        value={body}
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            send();
          }
        }}
        autoSize={{ minRows: 3, maxRows: 10 }}
        maxLength={TICKET_LIMITS.noteMax}
        placeholder={t('ticket.notePlaceholder')}
        data-testid="note-body"
      />
      <Flex justify="space-between" align="center" style={{ marginTop: 8 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {kind === 'internal_note' ? t('ticket.noteInternalHint') : t('ticket.notePublicHint')}
        </Typography.Text>
        <Button type="primary" icon={<SendOutlined />} onClick={send} loading={add.isPending} disabled={!body.trim()} data-testid="note-submit">
          {t('ticket.submitNote')}
        </Button>
      </Flex>
    </div>
  );
}
