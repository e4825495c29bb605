import { Button, Input } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RefreshButton } from './refresh-button';

/**
 * The right side of a list page's header: refresh, and the create button for those who may create
 * (leave `onCreate` out for the others).
 */
export function ListHeaderActions({
  refetch,
  fetching,
  createLabel,
  onCreate,
  createTestId,
}: {
  refetch: () => Promise<unknown>;
  fetching: boolean;
  createLabel?: string;
  onCreate?: (() => void) | false;
  createTestId?: string;
}) {
  return (
    <>
      <RefreshButton refetch={refetch} fetching={fetching} />
      {onCreate && (
        <Button type="primary" icon={<PlusOutlined />} onClick={onCreate} data-testid={createTestId}>
          {createLabel}
        </Button>
      )}
    </>
  );
}

/**
 * A list's search box: the text is applied on Enter or the button (not on every key, so the server
 * is asked once), and empties itself when the applied search is cleared (a filter reset).
 */
export function ListSearch({
  applied,
  onSearch,
  placeholder,
  width = 260,
  testId,
}: {
  applied: string | undefined;
  onSearch: (q: string | undefined) => void;
  placeholder: string;
  width?: number;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(applied ?? '');
  // a cleared search (reset) empties the box: adjusted while rendering, as React advises for derived state
  const [seen, setSeen] = useState(applied);
  if (seen !== applied) {
    setSeen(applied);
    if (applied === undefined) setText('');
  }
  return (
    <Input.Search
      allowClear
      style={{ width }}
      placeholder={placeholder}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onSearch={(v) => onSearch(v.trim() || undefined)}
      enterButton={t('common.search')}
      data-testid={testId}
    />
  );
}
