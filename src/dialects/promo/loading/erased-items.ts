/**
 * Items of a queued import that named a customer erased before the import ran are replaced by a marker
 * (GDPR: the content goes, the other items stay at their places): each loader reports such an item as an
 * error at its record number and applies nothing for it.
 */
export { isErasedItem } from '../../../app/customers/erase-import-payloads.js';

export const ERASED_ITEM_MESSAGE =
  'El registro nombraba a un cliente eliminado y fue retirado antes de procesarse';
export const ERASED_ITEM_CODE = 'ITEM_ERASED';
