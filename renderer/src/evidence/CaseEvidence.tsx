/**
 * The case drawer's evidence: every attachment the hub holds for the case (photos, videos, PDFs, wall snapshots)
 * as thumbnails, opened full or downloaded, and a way to add a photo, video or PDF. A second console sees a new
 * attachment at once: the hub pushes `case.attachment` to every console whose scope holds the case.
 */
import {
  CameraOutlined,
  DownloadOutlined,
  FilePdfOutlined,
  PaperClipOutlined,
  VideoCameraOutlined,
} from '@ant-design/icons';
import { App, Button, Divider, Empty, Modal, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../../common/evidence-schemas.js';
import { call, subscribe } from '../bridge/index.js';
import { formatStamp } from '../base/format.js';
import { errorMessage } from '../i18n/error-message.js';
import { attachmentUrl, kindOfFile, saveUrl, uploadEvidence } from './evidence-files.js';
import './evidence.css';

const ACCEPT = '.jpg,.jpeg,.png,.webp,.mp4,.pdf,image/jpeg,image/png,image/webp,video/mp4,application/pdf';

export function CaseEvidence({ caseId, canAdd }: { caseId: string; canAdd: boolean }) {
  const { t } = useTranslation(['evidence']);
  const { message } = App.useApp();
  const [items, setItems] = useState<Attachment[] | null>(null);
  const [uploading, setUploading] = useState(false);
  const [open, setOpen] = useState<{ attachment: Attachment; url: string } | null>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let live = true;
    const add = (a: Attachment) =>
      setItems((list) => (list === null || list.some((x) => x.id === a.id) ? list : [...list, a]));
    call('evidence.list', { caseId }).then(
      (list) => live && setItems((now) => [...list, ...(now ?? []).filter((a) => !list.some((b) => b.id === a.id))]),
      () => live && setItems([]),
    );
    const off = subscribe('case.attachment', (push) => {
      if (push.caseId === caseId) add(push.attachment);
    });
    return () => {
      live = false;
      off();
    };
  }, [caseId]);

  const pick = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    setUploading(true);
    try {
      for (const file of [...files]) {
        try {
          const added = await uploadEvidence(caseId, kindOfFile(file), file.name, file);
          setItems((list) => (list?.some((a) => a.id === added.id) ? list : [...(list ?? []), added]));
          message.success(t('evidence:added', { file: file.name }));
        } catch (err) {
          message.error(t('evidence:refused', { file: file.name, reason: errorMessage(err) }));
        }
      }
    } finally {
      setUploading(false);
      if (input.current) input.current.value = '';
    }
  };

  const show = async (attachment: Attachment) => {
    try {
      const url = await attachmentUrl(attachment, 'full');
      if (attachment.mime === 'application/pdf') {
        saveUrl(url, attachment.fileName);
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      } else setOpen({ attachment, url });
    } catch (err) {
      message.error(errorMessage(err));
    }
  };
  const download = async (attachment: Attachment) => {
    try {
      const url = await attachmentUrl(attachment, 'full');
      saveUrl(url, attachment.fileName);
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return (
    <section data-testid="case-attachments" data-count={items?.length ?? 0}>
      <Divider titlePlacement="start">{t('evidence:title', { count: items?.length ?? 0 })}</Divider>
      {items !== null && items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('evidence:none')} />
      ) : null}
      <div className="case-evidence-grid">
        {(items ?? []).map((a) => (
          <EvidenceTile key={a.id} attachment={a} onOpen={() => void show(a)} onDownload={() => void download(a)} />
        ))}
      </div>
      {canAdd ? (
        <div className="case-evidence-add">
          <input
            ref={input}
            type="file"
            accept={ACCEPT}
            multiple
            hidden
            data-testid="attachment-input"
            onChange={(e) => void pick(e.target.files)}
          />
          <Button icon={<PaperClipOutlined />} loading={uploading} onClick={() => input.current?.click()}>
            {t('evidence:add')}
          </Button>
          <Typography.Text type="secondary" className="case-evidence-hint">
            {t('evidence:hint')}
          </Typography.Text>
        </div>
      ) : null}
      <Modal
        open={open !== null}
        footer={null}
        width={900}
        title={open?.attachment.fileName}
        onCancel={() => {
          if (open) URL.revokeObjectURL(open.url);
          setOpen(null);
        }}
        destroyOnHidden
      >
        {open?.attachment.mime === 'video/mp4' ? (
          <video src={open.url} controls className="case-evidence-full" data-testid="attachment-full" />
        ) : open ? (
          <img
            src={open.url}
            alt={open.attachment.fileName}
            className="case-evidence-full"
            data-testid="attachment-full"
          />
        ) : null}
      </Modal>
    </section>
  );
}

function EvidenceTile({
  attachment: a,
  onOpen,
  onDownload,
}: {
  attachment: Attachment;
  onOpen(): void;
  onDownload(): void;
}) {
  const { t } = useTranslation(['evidence']);
  const [thumb, setThumb] = useState<string | null>(null);
  useEffect(() => {
    if (!a.hasThumbnail) return undefined;
    let url: string | null = null;
    let live = true;
    attachmentUrl(a, 'thumbnail').then(
      (u) => {
        if (live) setThumb((url = u));
        else URL.revokeObjectURL(u);
      },
      () => undefined,
    );
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [a]);
  const icon =
    a.kind === 'document' ? <FilePdfOutlined /> : a.kind === 'video' ? <VideoCameraOutlined /> : <CameraOutlined />;
  return (
    <div className="case-evidence-item" data-testid="attachment-item" data-kind={a.kind} data-attachment-id={a.id}>
      <button type="button" className="case-evidence-thumb" onClick={onOpen} title={t('evidence:open')}>
        {thumb ? (
          <img src={thumb} alt={a.fileName} data-testid="attachment-thumb" />
        ) : (
          <span className="case-evidence-icon">{icon}</span>
        )}
      </button>
      <div className="case-evidence-meta">
        <Typography.Text ellipsis title={a.fileName} className="case-evidence-name">
          {a.fileName}
        </Typography.Text>
        <span>
          <Tag>{t(`evidence:kind.${a.kind}`)}</Tag>
          {a.located ? <Tag color="blue">{t('evidence:located')}</Tag> : null}
        </span>
        <Typography.Text type="secondary" className="case-evidence-time">
          {a.kind === 'snapshot' && a.capturedAt !== null
            ? t('evidence:captured', { at: formatStamp(a.capturedAt) })
            : `${a.uploadedByName ?? a.uploadedBy} · ${formatStamp(a.uploadedAt)}`}
        </Typography.Text>
        <Button
          size="small"
          type="link"
          icon={<DownloadOutlined />}
          onClick={onDownload}
          data-testid="attachment-download"
        >
          {t('evidence:download')}
        </Button>
      </div>
    </div>
  );
}
