/** A table's pagination when the hub pages (it answers one page and the total), for the administration tabs. */
import { Typography, type TablePaginationConfig } from 'antd';

export function hubPaging(
  page: number,
  pageSize: number,
  total: number,
  onChange: (page: number) => void,
  totalText: (count: number) => string,
): TablePaginationConfig {
  return {
    current: page,
    pageSize,
    total,
    showSizeChanger: false,
    showTotal: (count) => <Typography.Text type="secondary">{totalText(count)}</Typography.Text>,
    onChange,
  };
}
