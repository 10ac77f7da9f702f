import { ACTION_CODES, ACTION_INFO, isActionCode } from '../../../../contracts/disputes/actions';
import { textOf } from '../../app/i18n';
import { auditZh } from './strings.zh';

type Lang = 'zh' | 'en';

/**
 * A recorded action as people name it: a case's workflow action by the action list's name
 * (`dispute.sign_agreement` → 签署调解协议), any other by the page's strings; an action without a
 * name yet shows its code rather than nothing.
 */
export function auditActionText(action: string, lang: Lang): string {
  const [entity, what] = action.split('.', 2);
  if (entity === 'dispute' && isActionCode(what)) return ACTION_INFO[what][lang];
  return textOf(`audit.actions.${action}`, action);
}

export const entityTypeText = (entityType: string): string => textOf(`audit.entityTypes.${entityType}`, entityType);

/** Every action with a name, for the search's picker (the value is the code the API matches). */
export function auditActionOptions(lang: Lang): { value: string; label: string }[] {
  const named = Object.entries(auditZh.actions).flatMap(([entity, whats]) =>
    Object.keys(whats).map((what) => `${entity}.${what}`),
  );
  return [...named, ...ACTION_CODES.map((code) => `dispute.${code}`)].map((value) => ({
    value,
    label: auditActionText(value, lang),
  }));
}

export const entityTypeOptions = (): { value: string; label: string }[] =>
  Object.keys(auditZh.entityTypes).map((value) => ({ value, label: entityTypeText(value) }));
