/**
 * Error codes (common/errors.ts) as people read them, zh-CN. `code` has exactly one text per code, so a new code
 * fails the type check until it is translated; `detail` is used instead when the error names its field, limit or
 * wait (interpolated, never the service's prose).
 */
import type { ErrorCode } from '../../../../common/errors.js';

const code = {
  bad_request: '请求无效',
  validation_failed: '填写的内容不符合要求',
  unauthenticated: '尚未登录或会话已失效',
  invalid_credentials: '用户名或密码错误',
  token_expired: '会话已过期，请重新登录',
  forbidden: '没有权限执行此操作',
  not_found: '要找的记录不存在或已删除',
  conflict: '其他人已处理了该记录，请刷新后再操作',
  rate_limited: '尝试过于频繁，请稍后再试',
  payload_too_large: '提交的内容过大',
  hub_unreachable: '无法连接县级平台',
  not_console_role: '该账号不能使用指挥台（网格员请使用掌上治理通）',
  internal: '系统内部错误，请联系管理员',
  overloaded: '平台繁忙，请稍后再试',
  reason_required: '请填写调阅事由',
  stream_token_invalid: '视频凭证无效，请重新打开',
  stream_unavailable: '视频暂时无法播放',
  camera_offline: '监控点离线',
  console_unreachable: '无法连接控制台服务',
  invalid_transition: '该案件当前状态下不能执行此操作，请刷新后再看',
  stream_starting: '视频正在启动，请稍候',
  outside_county: '位置不在本县范围内',
  idempotency_key_reused: '重复提交的内容与第一次不一致，已拒绝',
  unknown_case: '所引用的案件不存在或不在您的辖区内',
  case_not_open: '所引用的案件已结束',
  case_not_held: '所引用的案件不由该单位办理',
  web_sessions_full: '控制台登录人数已满，请稍后再试',
  host_not_allowed: '访问地址不被允许',
  account_locked: '账号已因多次密码错误被锁定，请联系管理员解锁',
  password_change_required: '请先修改密码（一次性密码登录后必须改密）',
  password_too_short: '密码太短',
  password_too_long: '密码太长',
  password_is_username: '密码不能与用户名相同或相近',
  password_published: '该密码已公开（演示或示例密码），不能使用',
  password_too_common: '密码过于常见或简单，请换一个',
  password_unchanged: '新密码不能与当前密码相同',
  current_password_wrong: '当前密码不正确',
  username_taken: '用户名已存在',
  unknown_unit: '所填单位不存在',
  role_unit_mismatch: '该角色不能设在这一级单位',
  own_account: '不能在此停用、降级或重置自己的账号（请在右上角修改本人密码）',
  users_exist: '已有用户，不能再初始化管理员',
  import_has_problems: '导入文件有错误行，未写入任何内容',
  csv_header_invalid: '文件表头不符合要求',
  duplicate_in_file: '文件中该用户名重复',
  import_invalid: '文件存在问题，未导入任何内容；请先试运行查看每一处问题',
  unit_in_use: '仍有摄像机、案件或用户的单位将被删除，未导入任何内容',
  category_in_use: '有案件使用该分类，不能删除，请改为停用',
  calendar_import_invalid: '工作日历文件有误，未导入',
  hub_not_ready: '县级平台正在启动或出现故障，请稍后再试',
  department_required: '部门办事员须选定所属部门；其他角色不设部门',
  leg_not_ratable: '该部门的处置尚未完成（案件未结案或部门未反馈），暂不能评价',
  already_rated: '该部门的这次处置已评价过，每次处置只评一次',
} satisfies Record<ErrorCode, string>;

const detail = {
  bad_request: '请求无效：{{field}}',
  validation_failed: '“{{field}}”填写不符合要求',
  rate_limited: '尝试过于频繁，请 {{seconds}} 秒后再试',
  payload_too_large: '提交的内容过大（上限 {{limit}}）',
  password_too_short: '密码至少 {{limit}} 位',
  password_too_long: '密码最多 {{limit}} 位',
} satisfies Partial<Record<ErrorCode, string>>;

export const errors = {
  code,
  detail,
  /** Not a refused call (a bug, a lost page): its own message. */
  unknown: '操作失败：{{message}}',
};
