// Field-step widgets (issue 12): task-form inputs for photos, location and signature, and the portal's
// plan review and completion confirmation.
export { CustomerStepCard } from './CustomerStepCard';
export { LocationField } from './LocationField';
export { PhotosField } from './PhotosField';
export { SignatureField } from './SignatureField';
export { photosUploadedRule } from './uploads';
export { parseIds, parseLocation } from './values';
export { AttachmentImage } from './AttachmentImage';
