import { registerStrings } from '../../app/i18n';
import { dashboardEn } from './strings.en';
import { dashboardZh } from './strings.zh';

registerStrings({ dashboard: dashboardZh }, { dashboard: dashboardEn });
