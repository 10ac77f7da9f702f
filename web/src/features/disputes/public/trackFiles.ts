import type { ApiError } from '../../../../../contracts/errors';
import { ApiRequestError } from '../../../app/api';
import i18n from '../../../app/i18n';
import type { WorkerFiles } from '../../../../../contracts/disputes/public-views';
import { publicApi } from './publicApi';

// The worker's files on /track: the uploads and the papers, with the tab's case token (X-Case-Token).

export type { WorkerFiles };

/** What the phone offers to upload: photos (the camera too) and PDFs; the server judges by content. */
export const EVIDENCE_ACCEPT = 'image/*,application/pdf';
export const EVIDENCE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'];
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_URL = '/api/public/disputes/track/evidence';

export type WorkerDocument = 'agreement' | 'ruling';

export const loadWorkerFiles = (token: string) => publicApi.tracked<WorkerFiles>('GET', '/track/files', token);

/** The server's error body of a failed upload as an error like any other request's, when it is one. */
export function uploadError(status: number | undefined, body: unknown): ApiRequestError | null {
  if (body && typeof body === 'object' && 'code' in body && 'message' in body)
    return new ApiRequestError(status ?? 0, body as ApiError);
  return null;
}

/** The file name a download's Content-Disposition gives (`filename*=UTF-8''…`). */
function filenameOf(disposition: string | null, fallback: string): string {
  const m = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  if (!m) return fallback;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return fallback;
  }
}

/**
 * Downloads the agreement or the ruling as the PDF the server makes: asked with the case token in
 * its header (a link could not carry it), then saved under the server's file name.
 */
export async function downloadWorkerDocument(token: string, doc: WorkerDocument): Promise<void> {
  let res: Response;
  try {
    res = await fetch(`/api/public/disputes/track/documents/${doc}`, {
      headers: { 'x-case-token': token },
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiRequestError(0, {
      code: 'INTERNAL',
      message: i18n.t('common.networkError', { lng: 'zh' }),
      messageEn: i18n.t('common.networkError', { lng: 'en' }),
      requestId: '',
    });
  }
  if (!res.ok) {
    const body: unknown = await res.json().catch(() => null);
    throw (
      uploadError(res.status, body) ??
      new ApiRequestError(res.status, {
        code: 'INTERNAL',
        message: i18n.t('common.requestFailed', { lng: 'zh', status: res.status }),
        messageEn: i18n.t('common.requestFailed', { lng: 'en', status: res.status }),
        requestId: '',
      })
    );
  }
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filenameOf(res.headers.get('content-disposition'), `${doc}.pdf`);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
