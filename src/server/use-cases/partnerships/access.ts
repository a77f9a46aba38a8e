/** @deprecated moved to server/access (issue 11) */
export { authorizePartnership, PARTNERSHIP_NOT_FOUND, type PartnershipAccess } from '../../access/partnership.js';
