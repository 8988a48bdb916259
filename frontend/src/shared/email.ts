/** Whether an address looks like name@example.com (a plain address, no display name); the server checks again. */
export function looksLikeEmail(address: string): boolean {
  return /^[^@\s<>,;"]+@[^@\s<>,;"]+\.[A-Za-z]{2,}$/.test(address.trim());
}
