/**
 * Site pickers match what the user types against the site's name AND its address (issue 15: typing 县 finds the
 * site at 示范县 although its name does not say so). Use as `filterOption={matchSite}` with options built by
 * `siteOption`, which carry the address beside the label.
 */
export interface SiteOption {
  value: number;
  label: string;
  address?: string;
}

export function siteOption(site: { id: number; name: string; address?: string }, label?: string): SiteOption {
  return { value: site.id, label: label ?? site.name, address: site.address };
}

export function matchSite(input: string, option?: { label?: unknown; address?: unknown }): boolean {
  const wanted = input.trim().toLowerCase();
  if (!wanted) return true;
  const text = `${typeof option?.label === 'string' ? option.label : ''} ${typeof option?.address === 'string' ? option.address : ''}`;
  return text.toLowerCase().includes(wanted);
}
