import { registerStrings } from '../../app/i18n';
import { jobsEn } from './strings.en';
import { jobsZh } from './strings.zh';

registerStrings({ jobs: jobsZh }, { jobs: jobsEn });
