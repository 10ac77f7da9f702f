// Request schemas of the imports routes live in contracts/imports.ts (the web sends them too);
// the upload is multipart, read by upload.ts.
export { importKindParamsSchema, importListQuerySchema } from '../../../contracts/imports.js';
