export { usernameKey } from '../../shared/usernames.js';
