/**
 * The evidence API (issue 15 §2): list a case's attachments (JSON contract route), upload one (raw bytes, the
 * same route for the handheld app and the console service), and read one back (raw bytes). Every call checks the
 * case against the caller's scope first (`readableCase`: a case outside it answers 404 like a missing one), the
 * thumbnail too. A refused upload writes nothing: the checks and ffmpeg run in a work folder, and the files move
 * into place only inside the write that adds the row.
 */
import type { FastifyInstance } from 'fastify';
import { ATTACHMENT_CONTENT_ROUTE, ATTACHMENT_UPLOAD_ROUTE, hubRoutes } from '../../common/contract.js';
import { GridCommandError } from '../../common/errors.js';
import type { Attachment, AttachmentLimits } from '../../common/evidence-schemas.js';
import { roleAllows } from '../../common/scope-policy.js';
import { caseHolders } from '../../common/cases/case-holders.js';
import { isOrgCode } from '../../common/org.js';
import type { HubContext } from '../hub-context.js';
import { bearerToken, parseWith, refuseWhenOverloaded, route } from '../http/route.js';
import { readableCase } from '../cases/moves.js';
import { AttachmentFiles, attachmentsDirOf } from './attachment-files.js';
import { referencedHashes } from './attachments-store.js';
import { ATTACHMENT_LIMITS } from './attachment-limits.js';
import { listCaseAttachments, prepareUpload, readAttachmentBytes } from './case-attachments.js';

export interface EvidenceOptions {
  /** Overrides resources/attachment-limits.json (tests). */
  readonly limits?: AttachmentLimits;
  readonly ffmpegPath?: string;
}

const forbidden = () => new GridCommandError('forbidden', 'not permitted for your role');

/** RFC 5987 filename for Content-Disposition: Chinese names survive, quotes and controls cannot break the header. */
function disposition(kind: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export function registerEvidenceRoutes(app: FastifyInstance, hub: HubContext, options: EvidenceOptions = {}): void {
  const limits = options.limits ?? ATTACHMENT_LIMITS;
  const files = new AttachmentFiles(attachmentsDirOf(hub.db.path));
  const swept = files.sweep(referencedHashes(hub.db));
  if (swept > 0) hub.log.warn({ files: swept }, 'removed attachment files no row named (an upload cut off)');

  route(app, hub, hubRoutes.caseAttachments, ({ session, params }) => {
    if (!roleAllows(session.user, 'case.read')) throw forbidden();
    const c = readableCase(hub, session.user, params.caseId);
    return { items: listCaseAttachments(hub.db, c.id) };
  });

  // Only this route's bodies are raw bytes; a declared image/… or video/… type is not believed either way.
  app.addContentTypeParser(
    ATTACHMENT_UPLOAD_ROUTE.contentType,
    { parseAs: 'buffer', bodyLimit: ATTACHMENT_UPLOAD_ROUTE.bodyLimit },
    (_request, body, done) => done(null, body),
  );

  app.post(ATTACHMENT_UPLOAD_ROUTE.path, { bodyLimit: ATTACHMENT_UPLOAD_ROUTE.bodyLimit }, async (request, reply) => {
    const { user } = hub.auth.authenticate(bearerToken(request));
    if (!roleAllows(user, 'case.read') || !(roleAllows(user, 'case.report') || roleAllows(user, 'console.use'))) {
      throw forbidden();
    }
    const params = parseWith(ATTACHMENT_UPLOAD_ROUTE.params, request.params);
    const query = parseWith(ATTACHMENT_UPLOAD_ROUTE.query, request.query);
    if (!Buffer.isBuffer(request.body)) {
      throw new GridCommandError('bad_request', `send the file as ${ATTACHMENT_UPLOAD_ROUTE.contentType}`, 'file', 415);
    }
    const c = readableCase(hub, user, params.caseId);
    refuseWhenOverloaded(hub);
    const prepared = await prepareUpload(
      hub.db,
      limits,
      user,
      { caseId: c.id, kind: query.kind, fileName: query.fileName, bytes: request.body, ...pick(query) },
      hub.now,
      options.ffmpegPath,
    );
    let attachment: Attachment;
    try {
      if (prepared.existing) return reply.status(200).header('cache-control', 'no-store').send(prepared.existing);
      attachment = await hub.writes.run(() => prepared.commit());
    } finally {
      prepared.cleanup();
    }
    const units = caseHolders(c).filter(isOrgCode);
    hub.realtime.publishToUnits(units, 'case.attachment', { caseId: c.id, attachment });
    request.log.info({ caseId: c.id, attachment: attachment.id, kind: attachment.kind }, 'attachment added');
    return reply.status(201).header('cache-control', 'no-store').send(attachment);
  });

  app.get(ATTACHMENT_CONTENT_ROUTE.path, async (request, reply) => {
    const { user } = hub.auth.authenticate(bearerToken(request));
    if (!roleAllows(user, 'case.read')) throw forbidden();
    const { attachmentId } = parseWith(ATTACHMENT_CONTENT_ROUTE.params, request.params);
    const { variant } = parseWith(ATTACHMENT_CONTENT_ROUTE.query, request.query);
    const notFound = () => new GridCommandError('not_found', `no attachment ${attachmentId}`, 'attachmentId');
    const found = readAttachmentBytes(hub.db, attachmentId, variant);
    if (!found) throw notFound();
    // Scope on every read, thumbnails too: the case must be the caller's to see (else the same 404 as no file).
    try {
      readableCase(hub, user, found.caseId);
    } catch {
      throw notFound();
    }
    return reply
      .header('cache-control', 'private, no-store')
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('content-disposition', disposition(variant === 'full' ? 'attachment' : 'inline', found.fileName))
      .type(found.mime)
      .send(found.bytes);
  });
}

function pick(query: { cameraId?: string; capturedAt?: number }): { cameraId?: string; capturedAt?: number } {
  return {
    ...(query.cameraId !== undefined ? { cameraId: query.cameraId } : {}),
    ...(query.capturedAt !== undefined ? { capturedAt: query.capturedAt } : {}),
  };
}
