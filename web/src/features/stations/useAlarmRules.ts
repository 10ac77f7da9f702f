import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { AlarmRule, AlarmRuleChange, AlarmRuleList } from '../../../../contracts/stations/rules';
import { api, ApiRequestError } from '../../app/api';
import { useApiMutation, useApiQuery } from '../../app/query';
import { changeRuleBody, createRuleBody, toggleRuleBody, type AlarmRuleInput, type RuleFormValues } from './alarmRules';
import { ALARM_RULES_API, alarmRuleKeys, alarmRulePath, stationAlarmRulesPath } from './queryKeys';

/**
 * The alarm rules that apply to a station (its own and its regions'), the form open (a new rule, or
 * a rule as it was read, whose version the save sends) and the writes, after which every list of
 * rules is asked again. A rule changed by someone else meanwhile (409) is asked again and the form
 * closes, so that it opens anew on the rule as it now is.
 */
export function useAlarmRules(code: string) {
  const queryClient = useQueryClient();
  const list = useApiQuery(alarmRuleKeys.station(code), () => api.get<AlarmRuleList>(stationAlarmRulesPath(code)));
  const [editing, setEditing] = useState<AlarmRule | 'new' | null>(null);

  const create = useApiMutation(
    (body: AlarmRuleInput) => api.post<AlarmRule>(ALARM_RULES_API, body),
    [alarmRuleKeys.all],
  );
  const change = useApiMutation(
    ({ id, body }: { id: string; body: AlarmRuleChange }) => api.put<AlarmRule>(alarmRulePath(id), body),
    [alarmRuleKeys.all],
  );

  /** A stale version: the lists are asked again, the form (if open) closes, the error goes on to be shown. */
  const afterFailure = async (err: unknown) => {
    if (err instanceof ApiRequestError && err.status === 409) {
      setEditing(null);
      await queryClient.invalidateQueries({ queryKey: alarmRuleKeys.all });
    }
    throw err;
  };

  const save = async (values: RuleFormValues) => {
    const target = editing;
    if (!target) return;
    try {
      if (target === 'new') await create.mutateAsync(createRuleBody(values, code));
      else await change.mutateAsync({ id: target.id, body: changeRuleBody(values, target) });
    } catch (err) {
      await afterFailure(err);
    }
    setEditing(null);
  };

  const toggle = async (rule: AlarmRule) => {
    try {
      return await change.mutateAsync({ id: rule.id, body: toggleRuleBody(rule) });
    } catch (err) {
      return afterFailure(err);
    }
  };

  return {
    rules: list.data?.items ?? [],
    loading: list.isPending,
    editing,
    openCreate: () => setEditing('new'),
    openEdit: (rule: AlarmRule) => setEditing(rule),
    close: () => setEditing(null),
    save,
    toggle,
    /** The rule being turned on or off, while its request is under way. */
    toggling: change.isPending ? change.variables.id : null,
  };
}

export type AlarmRulesState = ReturnType<typeof useAlarmRules>;
