#!/usr/bin/env node
/**
 * Writes the built-in demo catalogue (demo-data/slo) in exactly the format SLO
 * publishes, so it goes through the same importer as the national data.
 * Codes and titles of profielen, profielmodulen and keuzevakken are the real
 * ones; deeltaken and eindtermen are written in our own words. Ids are our own
 * (derived from the code), never SLO's.
 *
 *   node scripts/make-demo-data.mjs
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'demo-data', 'slo');

function uuid(name) {
  const h = createHash('sha1').update(`doorlopend-demo:${name}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const NIVEAUS = [
  { title: 'bb vmbo bb', prefix: '3501', lw: 'BB' },
  { title: 'bb vmbo kb', prefix: '3502', lw: 'KB' },
  { title: 'bb vmbo gl', prefix: '3503', lw: 'GL' },
];
const niveauId = (lw) => uuid(`niveau:${lw}`);
const ALL = ['BB', 'KB', 'GL'];

// [code, title, description, [[deeltaak title, [[eindterm, leerwegen?], …]], …], leerwegen?]
const PROFIELEN = [
  {
    code: 'PIE',
    title: 'Examenprogramma beroepsgericht Produceren, installeren en energie',
    kern: [
      ['Oriëntatie op de beroepen in de techniek', [['De kandidaat kan beroepen in de installatie- en metaaltechniek beschrijven en zijn eigen voorkeur toelichten.'], ['De kandidaat kan veilig werken volgens de regels van de werkplaats.']]],
    ],
    modules: [
      ['P/PIE/02', 'Bewerken en verbinden van materialen', 'Materialen bewerken en verbinden, onder meer door lassen en solderen.', [
        ['Materialen verspanend en niet-verspanend bewerken', [['De kandidaat kan plaatmateriaal op maat knippen, zagen en zetten volgens tekening.'], ['De kandidaat kan gaten boren en draad tappen met de juiste gereedschappen.']]],
        ['Materialen verbinden door lassen en solderen', [['De kandidaat kan een eenvoudige lasverbinding maken met booglassen.'], ['De kandidaat kan zacht solderen en de verbinding controleren op lekdichtheid.', ['KB', 'GL']]]],
      ]],
      ['P/PIE/04', 'Installeren en monteren', 'Installaties aanleggen, monteren en in bedrijf stellen.', [
        ['Een elektrische installatie aanleggen', [['De kandidaat kan een eenvoudige groepenkast aansluiten volgens schema.'], ['De kandidaat kan een installatie veilig spanningsloos maken en meten.']]],
        ['Leidingwerk monteren', [['De kandidaat kan koperen leidingen buigen, koppelen en afpersen.']]],
      ]],
    ],
    keuzevakken: [
      ['K/PIE/02', 'Booglasprocessen', 'Verschillende booglasprocessen toepassen op staal en aluminium.', [
        ['Lasverbindingen voorbereiden', [['De kandidaat kan werkstukken voorbereiden op het lassen: afkanten, reinigen en hechten.'], ['De kandidaat kan het juiste lasproces en de juiste toevoegmaterialen kiezen.', ['KB', 'GL']]]],
        ['Lassen met MIG/MAG en TIG', [['De kandidaat kan een hoeklas en een stompe las maken met MAG-lassen.'], ['De kandidaat kan dun plaatwerk lassen met TIG-lassen.', ['KB', 'GL']], ['De kandidaat kan lasfouten herkennen en de oorzaak benoemen.']]],
      ]],
      ['K/PIE/08', 'Praktisch booglassen', 'Booglassen in de praktijk, veilig en volgens tekening.', [
        ['Veilig booglassen', [['De kandidaat kan persoonlijke beschermingsmiddelen kiezen en gebruiken bij het lassen.'], ['De kandidaat kan een lasapparaat instellen voor de opdracht.']]],
        ['Een laswerkstuk maken', [['De kandidaat kan met elektrodelassen een eenvoudig frame lassen volgens tekening.', ['BB', 'KB']]]],
      ]],
      ['K/PIE/05', 'Duurzame energie', 'Duurzame energiesystemen plaatsen en hun werking uitleggen.', [
        ['Energie opwekken met zon en wind', [['De kandidaat kan de werking van zonnepanelen en een omvormer uitleggen.'], ['De kandidaat kan een zonnepaneel monteren en aansluiten op een testopstelling.']]],
        ['Energie besparen in woningen', [['De kandidaat kan een klant klantgericht advies geven over energiebesparing.'], ['De kandidaat kan de werking van een warmtepomp beschrijven.', ['KB', 'GL']]]],
      ]],
      ['K/PIE/16', 'Koudetechniek', 'Koudetechnische installaties monteren, vullen en inregelen.', [
        ['Tekeningen van koelinstallaties lezen', [['De kandidaat kan een schema van een koelinstallatie lezen en de onderdelen benoemen.'], ['De kandidaat kan druk en temperatuur meten en de meetwaarden vastleggen.']]],
        ['Een airco-unit plaatsen', [['De kandidaat kan een split-airco monteren en de leidingen koppelen.', ['KB', 'GL']], ['De kandidaat kan een installatie vacumeren en op lekkage controleren.'], ['De kandidaat kan de klant uitleg geven over het gebruik en onderhoud van de airco.']]],
      ]],
    ],
  },
  {
    code: 'ZW',
    title: 'Examenprogramma Beroepsgericht programma Zorg en Welzijn',
    kern: [
      ['Professioneel handelen in zorg en welzijn', [['De kandidaat kan zich klantgericht en respectvol gedragen tegenover cliënten.'], ['De kandidaat kan hygiënisch en veilig werken.']]],
    ],
    modules: [
      ['P/ZW/01', 'Mens en gezondheid', 'Gezond leven bevorderen en eenvoudige zorg verlenen.', [
        ['Gezondheid bevorderen', [['De kandidaat kan uitleggen wat een gezonde leefstijl is en een voorlichting geven.'], ['De kandidaat kan een eenvoudige gezonde maaltijd plannen.']]],
      ]],
      ['P/ZW/04', 'Mens en zorg', 'Zorg verlenen en ondersteunen bij dagelijkse activiteiten.', [
        ['Ondersteunen bij persoonlijke verzorging', [['De kandidaat kan een cliënt helpen bij wassen en aankleden met respect voor privacy.'], ['De kandidaat kan lichaamsfuncties zoals temperatuur en pols meten.', ['KB', 'GL']]]],
      ]],
    ],
    keuzevakken: [
      ['K/ZW/05', 'Welzijn kind en jongere', 'Activiteiten voor kinderen en jongeren begeleiden, onder meer in de kinderopvang.', [
        ['Werken in de kinderopvang', [['De kandidaat kan een dagritme voor een groep in de kinderopvang beschrijven.'], ['De kandidaat kan een spelactiviteit voor jonge kinderen voorbereiden en uitvoeren.'], ['De kandidaat kan veiligheidsrisico\'s in de kinderopvang herkennen.']]],
        ['Jongeren begeleiden', [['De kandidaat kan een activiteit voor jongeren organiseren en evalueren.', ['KB', 'GL']]]],
      ]],
      ['K/ZW/07', 'Assisteren in de gezondheidszorg', 'Assisteren bij eenvoudige handelingen in een praktijk of zorginstelling.', [
        ['De praktijk voorbereiden', [['De kandidaat kan instrumenten reinigen en klaarleggen volgens protocol.'], ['De kandidaat kan een patiënt klantgericht ontvangen en een afspraak maken.']]],
        ['Assisteren bij onderzoek', [['De kandidaat kan bloeddruk meten en de waarde noteren.', ['KB', 'GL']]]],
      ]],
      ['K/ZW/12', 'Voorkomen van ongevallen en EHBO', 'Ongevallen voorkomen en eerste hulp verlenen.', [
        ['Ongevallen voorkomen', [['De kandidaat kan gevaarlijke situaties in huis en op het werk herkennen en voorkomen.']]],
        ['Eerste hulp verlenen', [['De kandidaat kan eerste hulp verlenen bij een brandwond en een bloeding.'], ['De kandidaat kan reanimeren en een AED gebruiken.']]],
      ]],
    ],
  },
  {
    code: 'EO',
    title: 'Examenprogramma beroepsgericht Economie en Ondernemen',
    kern: [
      ['Commercieel en klantgericht handelen', [['De kandidaat kan een klant klantgericht te woord staan, aan de balie en aan de telefoon.']]],
    ],
    modules: [
      ['P/EO/02', 'Service & Sales', 'Klanten ontvangen, adviseren en verkopen.', [
        ['Een verkoopgesprek voeren', [['De kandidaat kan de wensen van een klant achterhalen met open vragen.'], ['De kandidaat kan een verkoopgesprek afronden en afrekenen.']]],
      ]],
    ],
    keuzevakken: [
      ['K/EO/05', 'Ondernemen', 'Een eigen (mini)onderneming opzetten en runnen.', [
        ['Een ondernemingsplan maken', [['De kandidaat kan een eenvoudig ondernemingsplan opstellen met doelgroep en begroting.'], ['De kandidaat kan kosten en opbrengsten berekenen.']]],
      ]],
      ['K/EO/06', 'Webshop', 'Een webshop inrichten en bestellingen afhandelen.', [
        ['Een webshop inrichten', [['De kandidaat kan producten met foto en tekst in een webshop plaatsen.'], ['De kandidaat kan een bestelling klantgericht afhandelen, ook bij een retour.']]],
      ]],
    ],
  },
];

const out = { profiel: [], kern: [], kerndeel: [], module: [], moduletaak: [], keuzevak: [], keuzevaktaak: [], deeltaak: [], globale_eindterm: [] };

function eindtermen(prefix, list) {
  return list.map(([title, lws], i) => {
    const code = `${prefix}-${String(i + 1).padStart(2, '0')}`;
    const id = uuid(`eindterm:${code}`);
    out.globale_eindterm.push({ id, prefix: code, title, niveau_id: (lws ?? ALL).map(niveauId) });
    return id;
  });
}

function deeltaken(prefix, list) {
  return list.map(([title, ets], i) => {
    const code = `${prefix}/${String(i + 1).padStart(2, '0')}`;
    const id = uuid(`deeltaak:${code}`);
    out.deeltaak.push({ id, prefix: code, title, examenprogramma_bg_globale_eindterm_id: eindtermen(code, ets) });
    return id;
  });
}

for (const p of PROFIELEN) {
  const kernCode = `PK/${p.code}`;
  const kerndeelIds = p.kern.map(([title, ets], i) => {
    const code = `${kernCode}/${String.fromCharCode(97 + i)}`;
    const id = uuid(`kerndeel:${code}`);
    out.kerndeel.push({ id, prefix: code, title, description: '', examenprogramma_bg_globale_eindterm_id: eindtermen(code, ets) });
    return id;
  });
  const kernId = uuid(`kern:${kernCode}`);
  out.kern.push({ id: kernId, prefix: kernCode, title: `Kern ${p.title.replace(/^.*?(beroepsgericht|programma)\s+/i, '')}`, description: '', examenprogramma_bg_kerndeel_id: kerndeelIds });
  const moduleIds = p.modules.map(([code, title, description, dts]) => {
    const id = uuid(`module:${code}`);
    const taakId = uuid(`moduletaak:${code}`);
    out.moduletaak.push({ id: taakId, prefix: `${code}/MT`, title: description, niveau_id: ALL.map(niveauId) });
    out.module.push({ id, prefix: code, title, description, examenprogramma_bg_deeltaak_id: deeltaken(code, dts), examenprogramma_bg_moduletaak_id: [taakId] });
    return id;
  });
  const keuzevakIds = p.keuzevakken.map(([code, title, description, dts]) => {
    const id = uuid(`keuzevak:${code}`);
    const taakId = uuid(`keuzevaktaak:${code}`);
    out.keuzevaktaak.push({ id: taakId, prefix: `${code}/KT`, title: description, niveau_id: ALL.map(niveauId) });
    out.keuzevak.push({ id, prefix: code, title, description, examenprogramma_bg_deeltaak_id: deeltaken(code, dts), examenprogramma_bg_keuzevaktaak_id: [taakId] });
    return id;
  });
  out.profiel.push({
    id: uuid(`profiel:${p.code}`),
    prefix: p.code,
    title: p.title,
    description: '',
    examenprogramma_bg_kern_id: [kernId],
    examenprogramma_bg_module_id: moduleIds,
    examenprogramma_bg_keuzevak_id: keuzevakIds,
  });
}

fs.mkdirSync(path.join(root, 'examenprogramma-bg'), { recursive: true });
fs.mkdirSync(path.join(root, 'basis'), { recursive: true });
for (const [name, items] of Object.entries(out)) {
  fs.writeFileSync(path.join(root, 'examenprogramma-bg', `${name}.json`), `${JSON.stringify(items, null, 1)}\n`);
}
fs.writeFileSync(
  path.join(root, 'basis', 'niveaus.json'),
  `${JSON.stringify(NIVEAUS.map((n) => ({ id: niveauId(n.lw), title: n.title, prefix: n.prefix, type: 'Opleiding' })), null, 1)}\n`,
);
console.log(`Demo-catalogus geschreven naar ${root}`);
