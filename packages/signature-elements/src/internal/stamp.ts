// The text stamp (copy/attachment) pulls in fontkit for Vietnamese shaping: its own on-demand chunk, loaded only
// when a copy stamp is drawn.
export { copyStampLines, textStampAppearance } from '@egov-vn/pdf-signature';
