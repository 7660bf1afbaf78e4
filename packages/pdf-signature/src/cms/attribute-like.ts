/** A CMS attribute as the signing test hook returns it (pkijs's `Attribute`), typed structurally so that the package's
 * declarations need no pkijs types (they compile in a Node-only project without pkijs's DOM-typed declarations). */
export interface CmsAttributeLike {
  toSchema(): { toBER(sizeOnly?: boolean): ArrayBuffer };
}
