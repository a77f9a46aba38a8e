/**
 * Step 2, planning: a grid leerjaar × periode and a side list of the doelen that are not planned yet. A "Beiden" pair
 * (an eindterm and its linked werkproces(sen) from the inventarisatie) is one card that is planned once and counts for
 * both sides. Cards move by drag and drop (HTML5) and fully by keyboard: "Plaats in…" / "Verplaats…" opens a small
 * form to choose leerjaar and periode; "Uit planning halen" undoes. Every change is announced in the live region.
 *
 * State and API calls live in usePlanning, the cards without state in planning-kaarten; the views are OngeplandLijst,
 * PlanningRooster, KaartInhoud and PlaatsForm.
 */
import { Alert, Paragraph } from '../../ui/index.js';
import { OngeplandLijst } from './OngeplandLijst.js';
import { PlanningRooster } from './PlanningRooster.js';
import { usePlanning } from './usePlanning.js';

export { ongeplandeKaarten } from './planning-kaarten.js';

export function PlanningStap() {
  const planning = usePlanning();
  return (
    <div className="doorlopend-leerroute-planning">
      <Paragraph>
        Plaats elk doel in een leerjaar en periode. Een eindterm met een gekoppeld werkproces (“Beiden”) plant u één keer: het telt voor beide kanten.
        {planning.magWijzigen
          ? ' Sleep een kaart naar een periode (of terug naar de lijst om haar uit de planning te halen), of gebruik de knoppen “Plaats in…”, “Verplaats…” en “Uit planning halen”.'
          : null}
      </Paragraph>
      {planning.fout ? (
        <Alert type="error" role="alert">
          <Paragraph>{planning.fout}</Paragraph>
        </Alert>
      ) : null}
      <div className="doorlopend-leerroute-planning__layout">
        <OngeplandLijst planning={planning} />
        <PlanningRooster planning={planning} />
      </div>
    </div>
  );
}
