/** The shape of a leerroute per type (pure). */
import { describe, expect, it } from 'vitest';
import { defaultTijdpad, diplomasOf, leidtTot, periodExists, validateRouteShape, type RouteShape, type ShapeContext } from '../../src/domain/leerroute/shape.js';

const VMBO_ORG = '00000000-0000-4000-8000-000000000001';
const MBO_ORG = '00000000-0000-4000-8000-000000000002';
const partners = [
  { id: VMBO_ORG, soort: 'vmbo-school' },
  { id: MBO_ORG, soort: 'mbo-instelling' },
];
const ctx = (kwalificatieNiveau: number | null = 3): ShapeContext => ({ kwalificatieNiveau, partners });

const route = (over: Partial<RouteShape> = {}): RouteShape => ({
  type: 'doorlopend',
  vmbo: { profiel: 'PIE', leerweg: 'KB', profielmodulen: [], keuzevakken: ['K/PIE/16'] },
  mbo: { kwalificatie: '25282', keuzedelen: [] },
  tijdpad: defaultTijdpad(partners),
  ...over,
});
const paths = (r: RouteShape, c = ctx()) => validateRouteShape(r, c).map((p) => p.path);

describe('leerroute shape', () => {
  it('accepts a well-formed doorlopende leerroute with the default tijdpad', () => {
    expect(validateRouteShape(route(), ctx())).toEqual([]);
    expect(defaultTijdpad(partners)).toEqual([
      { leerjaar: 3, fase: 'vmbo', perioden: 4, organisatieId: VMBO_ORG },
      { leerjaar: 4, fase: 'vmbo', perioden: 4, organisatieId: VMBO_ORG },
      { leerjaar: 5, fase: 'mbo', perioden: 4, organisatieId: MBO_ORG },
    ]);
  });

  it('doorlopend: needs leerweg, kwalificatie, leerjaar 3 or later and a year on both sides', () => {
    expect(paths(route({ vmbo: { profiel: null, leerweg: null, profielmodulen: [], keuzevakken: ['K/PIE/16'] } }))).toEqual(['vmbo.leerweg']);
    expect(paths(route({ mbo: { kwalificatie: null, keuzedelen: ['K0072'] } }), ctx(null))).toEqual(['mbo.kwalificatie']);
    const early = route({ tijdpad: [{ leerjaar: 2, fase: 'vmbo', perioden: 4, organisatieId: VMBO_ORG }, ...defaultTijdpad(partners)] });
    expect(validateRouteShape(early, ctx())).toEqual([{ path: 'tijdpad', message: 'Een doorlopende leerroute begint in leerjaar 3 of later.' }]);
    expect(paths(route({ tijdpad: [{ leerjaar: 3, fase: 'vmbo', perioden: 4, organisatieId: null }] }))).toEqual(['tijdpad']);
  });

  it('geintegreerd: BB into a niveau 2 kwalificatie with an mbo year, no vmbo diploma', () => {
    const ok = route({ type: 'geintegreerd', vmbo: { profiel: null, leerweg: 'BB', profielmodulen: [], keuzevakken: ['K/PIE/16'] } });
    expect(validateRouteShape(ok, ctx(2))).toEqual([]);
    expect(validateRouteShape(ok, ctx(3))).toEqual([{ path: 'mbo.kwalificatie', message: 'Een geïntegreerde leerroute leidt naar niveau 2; deze kwalificatie is niveau 3.' }]);
    expect(paths({ ...ok, vmbo: { ...ok.vmbo, leerweg: 'KB' } }, ctx(2))).toEqual(['vmbo.leerweg']);
    expect(diplomasOf('geintegreerd')).toEqual({ vmbo: false, mbo: true });
  });

  it('keuzevak-keuzedeel: exactly one keuzevak and one keuzedeel, nothing else', () => {
    const ok = route({ type: 'keuzevak-keuzedeel', mbo: { kwalificatie: null, keuzedelen: ['K0072'] } });
    expect(validateRouteShape(ok, ctx(null))).toEqual([]);
    const tooMuch = route({
      type: 'keuzevak-keuzedeel',
      vmbo: { profiel: null, leerweg: null, profielmodulen: ['PIE/1'], keuzevakken: ['K/PIE/16', 'K/PIE/2'] },
      mbo: { kwalificatie: '25282', keuzedelen: ['K0072', 'K0219'] },
    });
    expect(paths(tooMuch).sort()).toEqual(['mbo.keuzedelen', 'mbo.kwalificatie', 'vmbo.keuzevakken', 'vmbo.profielmodulen']);
  });

  it('gl-tl-niveau4: GL or TL towards niveau 4', () => {
    const ok = route({ type: 'gl-tl-niveau4', vmbo: { profiel: null, leerweg: 'TL', profielmodulen: [], keuzevakken: ['K/PIE/16'] } });
    expect(validateRouteShape(ok, ctx(4))).toEqual([]);
    expect(paths(ok, ctx(2))).toEqual(['mbo.kwalificatie']);
    expect(paths({ ...ok, vmbo: { ...ok.vmbo, leerweg: 'BB' } }, ctx(4))).toEqual(['vmbo.leerweg']);
  });

  it('every type: doelen on both sides, no duplicates, vmbo years before mbo years, teaching school is a partner', () => {
    expect(paths(route({ vmbo: { profiel: 'PIE', leerweg: 'KB', profielmodulen: [], keuzevakken: [] } }))).toEqual(['vmbo.keuzevakken']);
    expect(paths(route({ vmbo: { profiel: 'PIE', leerweg: 'KB', profielmodulen: [], keuzevakken: ['K/PIE/16', 'K/PIE/16'] } }))).toEqual(['vmbo.keuzevakken']);
    const reversed = route({
      tijdpad: [
        { leerjaar: 3, fase: 'mbo', perioden: 4, organisatieId: MBO_ORG },
        { leerjaar: 4, fase: 'vmbo', perioden: 4, organisatieId: VMBO_ORG },
      ],
    });
    expect(validateRouteShape(reversed, ctx())).toContainEqual({ path: 'tijdpad', message: 'Een vmbo-jaar kan niet na een mbo-jaar komen.' });
    const foreign = route({ tijdpad: [{ leerjaar: 3, fase: 'vmbo', perioden: 4, organisatieId: '00000000-0000-4000-8000-0000000000ff' }, { leerjaar: 5, fase: 'mbo', perioden: 4, organisatieId: null }] });
    expect(paths(foreign)).toEqual(['tijdpad.0.organisatieId']);
    const twice = route({ tijdpad: [...defaultTijdpad(partners), { leerjaar: 5, fase: 'mbo', perioden: 2, organisatieId: null }] });
    expect(validateRouteShape(twice, ctx())).toContainEqual({ path: 'tijdpad', message: 'Leerjaar 5 staat er twee keer in.' });
  });

  it('knows which periods exist', () => {
    const tijdpad = [{ leerjaar: 3, fase: 'vmbo' as const, perioden: 2, organisatieId: null }];
    expect(periodExists(tijdpad, 3, 2)).toBe(true);
    expect(periodExists(tijdpad, 3, 3)).toBe(false);
    expect(periodExists(tijdpad, 4, 1)).toBe(false);
  });

  it('says what each type leads to; a keuzevak-keuzedeelarrangement leads to the keuzevak in the vmbo diploma and the keuzedeel result in the mbo, not to "geen diploma"', () => {
    expect(leidtTot('keuzevak-keuzedeel')).toEqual([
      'het keuzevak, als onderdeel van het vmbo-diploma',
      expect.stringContaining('het resultaat van het keuzedeel in het mbo'),
    ]);
    expect(leidtTot('keuzevak-keuzedeel').join(' ')).not.toMatch(/geen diploma/);
    expect(leidtTot('geintegreerd')).toEqual(['het mbo-diploma op niveau 2 (zonder vmbo-diploma)']);
    for (const t of ['doorlopend', 'gl-tl-niveau4'] as const) expect(leidtTot(t)).toHaveLength(2);
  });
});
