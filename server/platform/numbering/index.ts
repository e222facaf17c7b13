export {
  formatEntryNumber,
  lastRegisterNumber,
  nextRegisterNumber,
  type RegisterKey,
} from './register-numbers.js';
