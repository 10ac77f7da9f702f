/**
 * Who acted, as the case log keeps it: a name, and for people without an account or the system
 * the way they acted in brackets ("张三（手机验证码签署）"). The log is a record, so the label is
 * stored in Chinese as written at the time; the server writes it with these builders and the web
 * shows it in English through `actorLabelIn`, names left as they are. Zod-free (the web imports it).
 */

const NOTES = {
  deadlineReminder: { zh: '期限提醒', en: 'deadline reminder' },
  deadlinePassed: { zh: '期限届满', en: 'deadline passed' },
  applicantPhoneUpload: { zh: '申请人，手机上传', en: 'applicant, uploaded by phone' },
  phoneCodeSigned: { zh: '手机验证码签署', en: 'signed with a code sent to the phone' },
  byLink: { zh: '链接', en: 'by link' },
  demo: { zh: '演示', en: 'demo' },
} as const;
export type ActorNote = keyof typeof NOTES;

const SYSTEM = { zh: '系统', en: 'System' };

/** A person or organization acting in a way worth noting: "张三（链接）". */
export function actorWithNote(name: string, note: ActorNote): string {
  return `${name}（${NOTES[note].zh}）`;
}

/** The system acting on its own (a clock's reminder or expiry). */
export function systemActor(note: 'deadlineReminder' | 'deadlinePassed'): string {
  return actorWithNote(SYSTEM.zh, note);
}

/** Someone signing by the employer's link on behalf of a party. */
export function signedByLinkFor(signer: string, party: string): string {
  return `${signer}（代表${party}，链接验证码签署）`;
}

const BRACKETED = /^(.*)（(.*)）$/;
const FOR_PARTY = /^代表(.*)，链接验证码签署$/;

/** The label in the reader's language: the way of acting translated, names kept as written. */
export function actorLabelIn(label: string, lang: 'zh' | 'en'): string {
  if (lang === 'zh') return label;
  if (label === 'system' || label === SYSTEM.zh) return SYSTEM.en;
  const m = BRACKETED.exec(label);
  if (!m) return label;
  const name = m[1] === SYSTEM.zh ? SYSTEM.en : m[1]!;
  const note = m[2]!;
  const known = Object.values(NOTES).find((n) => n.zh === note);
  if (known) return `${name} (${known.en})`;
  const forParty = FOR_PARTY.exec(note);
  if (forParty) return `${name} (for ${forParty[1]}, signed by link with a code)`;
  return label;
}
