import type { DemoPhoneStrings } from './strings.zh';

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
