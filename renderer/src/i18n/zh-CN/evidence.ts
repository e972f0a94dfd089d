/** 案件附件（证据）：照片、视频、PDF 与视频墙截图，存于县级平台。 */
export const evidence = {
  title: '附件证据（{{count}}）',
  none: '暂无附件',
  add: '添加照片 / 视频 / PDF',
  hint: '照片 JPEG/PNG/WebP（15 MB 内）、MP4 视频（30 MB、60 秒内）、PDF（20 MB 内）；照片重新编码并去除拍摄位置等元数据后保存',
  added: '已添加：{{file}}',
  refused: '{{file}} 未添加：{{reason}}',
  open: '查看原图',
  download: '下载',
  located: '含拍摄位置',
  captured: '截图时间 {{at}}',
  kind: { photo: '照片', video: '视频', document: '文件', snapshot: '视频截图' },
};
