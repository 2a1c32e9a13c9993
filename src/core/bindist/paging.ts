/** A page of a BinDist list: `page` from 1, `limit` items. */
export interface PageRequest {
  page: number;
  limit: number;
}

/** `meta.pagination` of BinDist's paged list endpoints. */
export interface Pagination {
  page: number;
  limit: number;
  total: number;
  hasNext: boolean;
  hasPrevious: boolean;
}

/** The pagination of one page of `total` items. */
export function paginationOf({ page, limit }: PageRequest, total: number): Pagination {
  return { page, limit, total, hasNext: page * limit < total, hasPrevious: page > 1 };
}
