/** The version of @egov-vn/schemas this build came from. */
export function schemasVersion(): string {
  return '0.0.0';
}
