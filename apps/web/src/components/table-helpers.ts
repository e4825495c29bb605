import type { TablePaginationConfig } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import type { TFunction } from 'i18next';
import { LIMITS } from '@qloop/contracts';

/** antd's sorter → the API's `sort`: `field` ascending, `-field` descending, undefined for none. */
export function sortParam<T>(sorter: SorterResult<T> | SorterResult<T>[]): string | undefined {
  const s = Array.isArray(sorter) ? sorter[0] : sorter;
  // a column without a dataIndex (a computed cell such as the SLA countdown) sorts by its key
  const key = s?.field ?? s?.columnKey;
  if (!s?.order || !key) return undefined;
  const field = Array.isArray(key) ? key.join('.') : String(key);
  return s.order === 'descend' ? `-${field}` : field;
}

/** The column's sortOrder for a `sort` param, so the header arrow matches the query. */
export function sortOrderOf(sort: string | undefined, field: string): 'ascend' | 'descend' | null {
  if (sort === field) return 'ascend';
  if (sort === `-${field}`) return 'descend';
  return null;
}

/**
 * Server-side pagination that shows the total and lets the page size go up to the API's limit.
 *
 * `capped` is for lists whose count stops at COUNT_CAP (`totalIsLowerBound`): the total reads
 * "1,000+", and the pager claims only pages known to exist — every page up to the rows seen so far,
 * and one more while the current page is full, so "next" stays usable without promising a last
 * page. A page that is not full is the last one, and then the exact count is known and shown.
 * `pageable` ends the pages where the server stops (a ranked search's newest matches).
 */
export function serverPagination(
  t: TFunction,
  page: number,
  pageSize: number,
  total: number | undefined,
  capped?: { lowerBound: boolean | undefined; rows: number; /** the most rows the list can page through (a ranked search's window) */ pageable?: number | undefined },
): TablePaginationConfig {
  const base: TablePaginationConfig = {
    current: page,
    pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [10, LIMITS.pageSizeDefault, 50, 100].filter((n) => n <= LIMITS.pageSizeMax),
    showTotal: (n) => t('common.total', { total: n }),
  };
  if (!capped?.lowerBound || total === undefined) return base;
  // more match than can be paged: pages end with the window, the total still says "at least"
  if (capped.pageable !== undefined) {
    return { ...base, total: capped.pageable, showTotal: () => t('common.totalAtLeast', { total: total.toLocaleString('en-US') }) };
  }
  const seen = capped.rows > 0 ? (page - 1) * pageSize + capped.rows : 0;
  if (capped.rows > 0 && capped.rows < pageSize) return { ...base, total: seen };
  // the server stopped counting past `total`: there is at least one more
  const atLeast = Math.max(total + 1, seen);
  return {
    ...base,
    total: capped.rows === pageSize ? Math.max(atLeast, page * pageSize + 1) : atLeast,
    showTotal: () => t('common.totalAtLeast', { total: total.toLocaleString('en-US') }),
  };
}
