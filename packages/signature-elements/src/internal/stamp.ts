// The text stamp (copy/appendix) pulls in fontkit for Vietnamese shaping: its own on-demand chunk, loaded only
// when a text stamp is drawn. `loadStampFont` fetches the shipped font when the portal gives none.
export { appendixStampLines, copyStampLines, loadStampFont, textStampAppearance } from '@egov-vn/pdf-signature';
