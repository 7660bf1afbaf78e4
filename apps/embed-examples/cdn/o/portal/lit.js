// Stands for the portal's own Lit (a Liferay theme's, another major version): it is not the kit's lit, and has none of
// its exports — an element that took this module instead of the kit's would fail.
export const version = 'lit of the portal';
