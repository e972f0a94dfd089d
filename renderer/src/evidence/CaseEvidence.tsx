/**
 * The case drawer's evidence: every attachment the hub holds for the case (photos, videos, PDFs, wall snapshots)
 * as thumbnails, opened full or downloaded, and a way to add a photo, video or PDF. A second console sees a new
 * attachment at once: the hub pushes `case.attachment` to every console whose scope holds the case (the list is
 * kept by use-case-attachments.ts, which the drawer shares with its timeline).
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
import { formatStamp } from '../base/format.js';
import { errorMessage } from '../i18n/error-message.js';
import { attachmentUrl, kindOfFile, saveUrl, uploadEvidence } from './evidence-files.js';
import './evidence.css';

const ACCEPT = '.jpg,.jpeg,.png,.webp,.mp4,.pdf,image/jpeg,image/png,image/webp,video/mp4,application/pdf';

export function CaseEvidence({
  caseId,
  canAdd,
  items,
  onAdded,
}: {
  caseId: string;
  canAdd: boolean;
  /** The case's attachments (use-case-attachments.ts), null while loading. */
  items: readonly Attachment[] | null;
  onAdded(attachment: Attachment): void;
}) {
  const { t } = useTranslation(['evidence']);
  const { message } = App.useApp();
  const [uploading, setUploading] = useState(false);
  const [open, setOpen] = useState<{ attachment: Attachment; url: string } | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const pick = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    setUploading(true);
    try {
      for (const file of [...files]) {
        try {
          onAdded(await uploadEvidence(caseId, kindOfFile(file), file.name, file));
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
