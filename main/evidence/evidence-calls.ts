/**
 * The console's attachment calls (common/contract-evidence.ts): the list through the typed hub client, the file's
 * bytes up and down as raw HTTP bodies (main/evidence/hub-evidence.ts), never as JSON.
 */
import type { CallRequest, CallResponse } from '../../common/contract.js';
import type { evidenceConsoleCalls } from '../../common/contract-evidence.js';
import type { HubClient } from '../hub-client.js';
import { fetchAttachmentContent, uploadAttachment } from './hub-evidence.js';

type EvidenceCallName = keyof typeof evidenceConsoleCalls;
type EvidenceHandlers = { [K in EvidenceCallName]: (request: CallRequest<K>) => Promise<CallResponse<K>> };

export function evidenceHandlers(client: () => HubClient, hubUrl: () => string, token: () => string): EvidenceHandlers {
  return {
    'evidence.list': async ({ caseId }) =>
      (await client().call('caseAttachments', { token: token(), params: { caseId } })).items,
    'evidence.upload': async ({ dataBase64, ...rest }) =>
      uploadAttachment(hubUrl(), token(), { ...rest, bytes: new Uint8Array(Buffer.from(dataBase64, 'base64')) }),
    'evidence.content': async ({ attachmentId, variant }) =>
      fetchAttachmentContent(hubUrl(), token(), attachmentId, variant),
  };
}
