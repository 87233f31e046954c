export { ErrorCode, httpStatusOf, isErrorCode } from './errorCodes.js';
