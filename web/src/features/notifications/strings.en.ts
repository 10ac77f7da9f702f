import type { DemoPhoneStrings, MessagesStrings } from './strings.zh';

// English strings of the demo phone page; the same keys as strings.zh.ts (the compiler checks).
export const demoPhoneEn: DemoPhoneStrings = {
  title: 'Demo phone',
  intro:
    'The demo has no SMS gateway: the texts and e-mails sent to workers and employers are shown here. A real installation has no such page, and staff never see the codes or answer links.',
  number: 'Mobile number or e-mail',
  show: 'Show',
  none: 'No messages to this number',
  off: 'Not available: the demo phone exists only with the demo data set.',
  sms: 'SMS',
  email: 'E-mail',
};

// English strings of the messages page; the same keys as strings.zh.ts.
export const messagesEn: MessagesStrings = {
  title: 'Messages',
  intro:
    'Texts and e-mails sent to workers, employers and staff, with the outcome of every attempt. Codes and answer links are hidden.',
  recipient: 'Recipient',
  recipientHint: 'Whole number, e-mail, or the last digits',
  status: 'Status',
  channel: 'Channel',
  kind: 'Kind',
  template: 'Template',
  period: 'Written on',
  createdAt: 'Written at',
  sentAt: 'Sent at',
  attempts: 'Attempts',
  lastError: 'Last error',
  provider: 'Sent through',
  providerMessageId: 'Gateway message id',
  nextAttemptAt: 'Next attempt',
  body: 'Text',
  subject: 'Subject',
  details: 'Details',
  attemptLog: 'Attempts',
  attemptNo: 'No.',
  at: 'Time',
  duration: 'Took (ms)',
  error: 'Error',
  noAttempts: 'Not tried yet',
  retry: 'Send again',
  retried: 'Queued to be sent again',
  statuses: { pending: 'Pending', sending: 'Sending', sent: 'Sent', delivered: 'Logged only', failed: 'Failed' },
  channels: { sms: 'SMS', email: 'E-mail' },
  kinds: { code: 'One-time code', notice: 'Notice' },
  outcomes: { ok: 'OK', transient: 'Failed for now (retried)', permanent: 'Failed (not retried)' },
};
