/** Paper (PDF): the 督办单, the case sheet and the monthly KPI report, printed or downloaded. zh-CN first. */
export const paper = {
  printNotice: '打印督办单',
  printSheet: '打印案件单',
  monthlyPdf: '月报 PDF',
  print: '打印',
  download: '下载 PDF',
  downloadNotice: '下载督办单 PDF',
  downloadSheet: '下载案件单 PDF',
  downloadMonthly: '下载月报 PDF',
  preparing: '正在生成 PDF…',
  opened: '已在 PDF 阅读器中打开，可从中打印',
  failed: '生成 PDF 失败：{{message}}',
  popupBlocked: '浏览器拦截了新标签页，已改为下载',
  noticeFile: '督办单-{{caseNo}}.pdf',
  sheetFile: '案件单-{{caseNo}}.pdf',
  monthlyFile: '月报-{{unit}}-{{month}}.pdf',
  month: '月份',
};
