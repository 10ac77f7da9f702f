// A message of GET /api/notifications/messages, its detail and the list's filters (contracts/notifications.ts).

export type { MessageDetail, MessageFilterInput, MessageRow } from '../../../../contracts/notifications';
