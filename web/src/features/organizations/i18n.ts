import { registerStrings } from '../../app/i18n';
import { organizationsEn } from './strings.en';
import { organizationsZh } from './strings.zh';

registerStrings({ organizations: organizationsZh }, { organizations: organizationsEn });
