import { registerStrings } from '../../app/i18n';
import { disputesEn } from './strings.en';
import { disputesZh } from './strings.zh';

registerStrings({ disputes: disputesZh }, { disputes: disputesEn });
