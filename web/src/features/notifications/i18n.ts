import { registerStrings } from '../../app/i18n';
import { demoPhoneEn, messagesEn } from './strings.en';
import { demoPhoneZh, messagesZh } from './strings.zh';

registerStrings({ demoPhone: demoPhoneZh, messages: messagesZh }, { demoPhone: demoPhoneEn, messages: messagesEn });
