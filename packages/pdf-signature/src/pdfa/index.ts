/**
 * @egov-vn/pdf-signature/pdfa — the PDF/A-2b building blocks shared with `@egov-vn/document-pdf`: the sRGB ICC profile
 * for the output intent (built from IEC 61966-2-1) and the XMP packet. No PDF library and no crypto: a few kilobytes.
 */
export { srgbIccProfile, srgbToLinear, SRGB_PROFILE_DESCRIPTION } from './icc.js';
export { pdfaXmp, type PdfaXmpOptions } from './xmp.js';
