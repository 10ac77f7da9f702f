import { registerStrings } from '../../app/i18n';
import { demoPhoneEn } from './strings.en';
import { demoPhoneZh } from './strings.zh';

registerStrings({ demoPhone: demoPhoneZh }, { demoPhone: demoPhoneEn });
