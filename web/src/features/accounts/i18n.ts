import { registerStrings } from '../../app/i18n';
import { accountsEn } from './strings.en';
import { accountsZh } from './strings.zh';

registerStrings({ accounts: accountsZh }, { accounts: accountsEn });
