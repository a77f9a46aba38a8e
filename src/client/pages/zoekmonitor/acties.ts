/**
 * Where a zoekmonitor result leads: the overlap inventory with the vraag and the result selected, and the form of a new
 * leerroute prefilled with them (both read their selection from URL parameters).
 */
export interface Selectie {
  keuzevakken?: string[];
  profielmodulen?: string[];
  kwalificatie?: string;
  keuzedelen?: string[];
  /** Profiel code of the vmbo side (K/PIE/13 → PIE), for the leerroute form. */
  profiel?: string | null;
  /** A name for a new leerroute. */
  naam?: string;
}

const lijst = (codes: string[] | undefined) => (codes && codes.length > 0 ? codes.join(',') : null);

function query(entries: Record<string, string | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(entries)) if (v) params.set(k, v);
  return params.toString();
}

/** The profiel of a vmbo code: its middle part (K/PIE/13 → PIE, P/ZW/01 → ZW). */
export function profielVan(code: string): string | null {
  const parts = code.split(/[/-]/);
  return parts.length === 3 ? parts[1]!.toUpperCase() : null;
}

export function inventarisHref(s: Selectie): string {
  return `/inventaris?${query({ keuzevakken: lijst(s.keuzevakken), profielmodulen: lijst(s.profielmodulen), kwalificatie: s.kwalificatie, keuzedelen: lijst(s.keuzedelen) })}`;
}

/** The leerroute's type follows from what is chosen: a keuzevak and a keuzedeel without kwalificatie is keuzevak-keuzedeel. */
export function leerrouteQuery(s: Selectie): string {
  const type = !s.kwalificatie && (s.keuzedelen?.length ?? 0) > 0 && (s.keuzevakken?.length ?? 0) > 0 ? 'keuzevak-keuzedeel' : null;
  return query({
    naam: s.naam,
    type,
    profiel: s.profiel,
    keuzevakken: lijst(s.keuzevakken),
    profielmodulen: lijst(s.profielmodulen),
    kwalificatie: s.kwalificatie,
    keuzedelen: lijst(s.keuzedelen),
  });
}

/** The search of the zoekmonitor for a vmbo unit or a kwalificatie (the link "Zoek wat hierbij past"). */
export function zoekmonitorHref(q: { keuzevak?: string; profielmodule?: string; kwalificatie?: string; keuzedeel?: string }): string {
  return `/zoekmonitor?${query(q)}`;
}
