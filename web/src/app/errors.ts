import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from './api';

/** The API's message in the current language (message is Chinese, messageEn English). */
export function errorText(err: unknown, lang: string): string {
  if (err instanceof ApiRequestError) return lang === 'en' ? err.body.messageEn || err.body.message : err.body.message;
  if (err instanceof Error) return err.message;
  return String(err);
}

export function useErrorText(): (err: unknown) => string {
  const { i18n } = useTranslation();
  return useCallback((err: unknown) => errorText(err, i18n.language), [i18n.language]);
}

/** Shows an API error as a toast. */
export function useShowError(): (err: unknown) => void {
  const { message } = App.useApp();
  const text = useErrorText();
  return useCallback((err: unknown) => void message.error(text(err)), [message, text]);
}

/**
 * Puts an API error on the form field it names (`field`), when the form has that field.
 * Returns false when the error is not about a field of this form, so the caller can toast it.
 */
export function applyFieldError(form: FormInstance, err: unknown, text: (err: unknown) => string): boolean {
  if (!(err instanceof ApiRequestError) || !err.body.field) return false;
  const name = err.body.field.split('.');
  const registered = (form.getFieldsValue() ?? {}) as Record<string, unknown>;
  const known = name[0]! in registered;
  if (!known) return false;
  form.setFields([{ name, errors: [text(err)] }]);
  return true;
}
