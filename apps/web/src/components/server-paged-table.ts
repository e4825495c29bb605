import type { TablePaginationConfig } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { serverPagination, sortOrderOf, sortParam } from './table-helpers';

/** The paging part of a list endpoint's query (GET …?page=&pageSize=&sort=). */
export interface PageFilters {
  page: number;
  pageSize: number;
  sort?: string;
}

/**
 * Filter, page and sort state of a table that the server pages (users, customer base, audit),
 * with the Table props that keep it in step with the pager and the sortable column headers.
 * Everything but turning the page goes back to page 1: a filter, a new sort or a new page size.
 */
export function useServerPagedTable<F extends PageFilters>(initial: F) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<F>(initial);

  return {
    filters,
    /** Changes some filters and goes back to page 1. */
    patch: (p: Partial<F>) => setFilters((f) => ({ ...f, ...p, page: 1 })),
    reset: () => setFilters(initial),
    /** A sortable column's `sortOrder`, so its header arrow matches the query. */
    sortOrder: (field: string) => sortOrderOf(filters.sort, field),
    /** `pagination` and `onChange` for the Table, given the total the last answer reported. */
    tableProps: <T>(total: number | undefined) => ({
      pagination: serverPagination(t, filters.page, filters.pageSize, total),
      onChange: (p: TablePaginationConfig, _filters: unknown, sorter: SorterResult<T> | SorterResult<T>[]) =>
        setFilters((f) => {
          const sort = sortParam(sorter);
          const pageSize = p.pageSize ?? f.pageSize;
          const page = sort !== f.sort || pageSize !== f.pageSize ? 1 : (p.current ?? 1);
          return { ...f, sort, pageSize, page };
        }),
    }),
  };
}
