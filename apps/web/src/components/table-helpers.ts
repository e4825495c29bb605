import type { TablePaginationConfig } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import type { TFunction } from 'i18next';
import { LIMITS } from '@qloop/contracts';

/** antd's sorter → the API's `sort`: `field` ascending, `-field` descending, undefined for none. */
export function sortParam<T>(sorter: SorterResult<T> | SorterResult<T>[]): string | undefined {
  const s = Array.isArray(sorter) ? sorter[0] : sorter;
  if (!s?.order || !s.field) return undefined;
  const field = Array.isArray(s.field) ? s.field.join('.') : String(s.field);
  return s.order === 'descend' ? `-${field}` : field;
}

/** The column's sortOrder for a `sort` param, so the header arrow matches the query. */
export function sortOrderOf(sort: string | undefined, field: string): 'ascend' | 'descend' | null {
  if (sort === field) return 'ascend';
  if (sort === `-${field}`) return 'descend';
  return null;
}

/** Server-side pagination that shows the total and lets the page size go up to the API's limit. */
export function serverPagination(
  t: TFunction,
  page: number,
  pageSize: number,
  total: number | undefined,
): TablePaginationConfig {
  return {
    current: page,
    pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [10, LIMITS.pageSizeDefault, 50, 100].filter((n) => n <= LIMITS.pageSizeMax),
    showTotal: (n) => t('common.total', { total: n }),
  };
}
