import { registerStrings } from '../../../app/i18n';
import { membershipReportsEn } from './strings.en';
import { membershipReportsZh } from './strings.zh';

registerStrings({ membershipReports: membershipReportsZh }, { membershipReports: membershipReportsEn });
