/**
 * Creating or editing a user: username (new users only), name, role and unit. The unit list offers only units whose
 * level the role may be held at (the scope policy's ROLE_LEVELS); the hub checks the same and refuses otherwise. A
 * department officer also names its department (its unit is then the county).
 */
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { USERNAME_PATTERN, type AdminUser, type OneTimePasswordAnswer } from '../../../common/admin-schemas.js';
import { DEPARTMENTS } from '../../../common/departments.js';
import { ROLES, type Role } from '../../../common/roles.js';
import { ROLE_LEVELS } from '../../../common/scope-policy.js';
import { roleLabel } from '../base/labels.js';
import { useOrgStore } from '../base/org-store.js';
import { call } from '../bridge/index.js';
import { errorMessage } from '../i18n/error-message.js';
import { useLanguage } from '../i18n/use-language.js';

interface Values {
  username: string;
  displayName: string;
  role: Role;
  orgUnitCode: string;
  departmentCode?: string;
}

export function UserFormModal({
  user,
  onClose,
  onSaved,
}: {
  user: AdminUser | null;
  onClose(): void;
  /** With the one-time password of a new user; nothing for an edit. */
  onSaved(answer: OneTimePasswordAnswer | null): void;
}) {
  const { t } = useTranslation(['admin']);
  const language = useLanguage();
  const units = useOrgStore((s) => s.units);
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form) ?? user?.role;
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const unitOptions = useMemo(
    () =>
      units
        .filter((u) => !role || ROLE_LEVELS[role].includes(u.level))
        .map((u) => ({ value: u.code, label: `${u.name} (${u.code})` })),
    [units, role],
  );

  const submit = async (values: Values) => {
    setBusy(true);
    setError(null);
    try {
      if (user) {
        await call('admin.updateUser', {
          userId: user.id,
          changes: {
            displayName: values.displayName === user.displayName ? undefined : values.displayName,
            role: values.role === user.role ? undefined : values.role,
            orgUnitCode: values.orgUnitCode === user.orgUnitCode ? undefined : values.orgUnitCode,
            departmentCode:
              values.role !== 'department_officer' || values.departmentCode === user.departmentCode
                ? undefined
                : values.departmentCode,
          },
        });
        onSaved(null);
      } else {
        const { departmentCode, ...rest } = values;
        const post = values.role === 'department_officer' ? { ...rest, departmentCode } : rest;
        onSaved(await call('admin.createUser', post));
      }
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={user ? `${t('admin:users.edit')} · ${user.username}` : t('admin:users.create')}
      okText={t('admin:users.save')}
      cancelText={t('admin:users.cancel')}
      confirmLoading={busy}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'user-form-save' }}
      destroyOnHidden
    >
      {error ? (
        <Alert
          type="error"
          showIcon
          className="admin-gap"
          title={<span data-testid="user-form-error">{errorMessage(error)}</span>}
        />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={user ?? undefined}
        onFinish={(values) => void submit(values)}
      >
        {user ? null : (
          <Form.Item
            name="username"
            label={t('admin:users.username')}
            rules={[{ required: true, pattern: USERNAME_PATTERN }]}
            normalize={(v: string) => v.toLowerCase()}
          >
            <Input autoComplete="off" data-testid="user-form-username" />
          </Form.Item>
        )}
        <Form.Item
          name="displayName"
          label={t('admin:users.displayName')}
          rules={[{ required: true, whitespace: true, max: 64 }]}
        >
          <Input data-testid="user-form-display-name" />
        </Form.Item>
        <Form.Item name="role" label={t('admin:users.role')} rules={[{ required: true }]}>
          <Select
            data-testid="user-form-role"
            options={ROLES.map((r) => ({ value: r, label: roleLabel(r, language) }))}
            onChange={() => {
              form.setFieldValue('orgUnitCode', undefined);
              form.setFieldValue('departmentCode', undefined);
            }}
          />
        </Form.Item>
        {role === 'department_officer' ? (
          <Form.Item name="departmentCode" label={t('admin:users.department')} rules={[{ required: true }]}>
            <Select
              data-testid="user-form-department"
              placeholder={t('admin:users.departmentPlaceholder')}
              options={DEPARTMENTS.map((d) => ({ value: d.code, label: language === 'en' ? d.en : d.zh }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item name="orgUnitCode" label={t('admin:users.unit')} rules={[{ required: true }]}>
          <Select
            showSearch
            data-testid="user-form-unit"
            placeholder={t('admin:users.unitPlaceholder')}
            options={unitOptions}
            filterOption={(input, option) =>
              String(option?.label ?? '')
                .toLowerCase()
                .includes(input.toLowerCase())
            }
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
