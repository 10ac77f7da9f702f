import { registerStrings } from '../../app/i18n';
import { peopleEn } from './strings.en';
import { peopleZh } from './strings.zh';

registerStrings({ people: peopleZh }, { people: peopleEn });
