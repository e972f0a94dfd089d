/** The org tree (组织机构). zh-CN, the console's primary language; en/org-tree.ts is typed against it. */
export const orgTree = {
  title: '组织机构',
  search: '按名称搜索',
  empty: '管辖范围内没有单位',
  noMatch: '没有名称匹配的单位',
  loadFailed: '组织机构加载失败：{{message}}',
  units: '{{count}} 个单位',
  population: '人口 {{value}}',
  households: '户数 {{value}}',
  collapse: '收起组织机构',
  expand: '展开组织机构',
};
