import { registerStrings } from '../../../app/i18n';
import { membershipGridEn } from './strings.en';
import { membershipGridZh } from './strings.zh';

registerStrings({ membershipGrid: membershipGridZh }, { membershipGrid: membershipGridEn });
