/**
 * "Resultaten vaststellen" (issue 14), for the mbo examencommissie on the Beoordelen page: a summary of the session
 * (forms, complete, behaald, niet behaald, already vastgesteld) and one action that vaststelt every open form. When a
 * form is incomplete the API refuses (409) and lists, per pupil, what is missing; that list is shown as it is.
 */
import type { BeoordelingLijst } from '../../../shared/beoordeling-api.js';
import { FormFeedback, useAction } from '../../components/ConfirmAction.js';
import { Button, DataList, Heading, ListItem, Paragraph, UnorderedList } from '../../ui/index.js';
import { beoordelingApi } from './BeoordelingApi.js';

export function ResultatenVaststellen({ lijst, onKlaar }: { lijst: BeoordelingLijst; onKlaar: () => void }) {
  const actie = useAction('Vaststellen is niet gelukt.');
  const s = lijst.samenvatting;
  const open = s.totaal - s.vastgesteld;
  const ontbrekend = actie.error?.problem?.errors ?? [];
  return (
    <section aria-labelledby="vaststellen-kop" className="doorlopend-section">
      <Heading level={2} id="vaststellen-kop">
        Resultaten vaststellen
      </Heading>
      <DataList
        items={[
          { key: 'totaal', label: 'Formulieren', value: String(s.totaal) },
          { key: 'compleet', label: 'Compleet en nog open', value: String(s.compleet) },
          { key: 'behaald', label: 'Behaald', value: String(s.behaald) },
          { key: 'niet', label: 'Niet behaald', value: String(s.nietBehaald) },
          { key: 'vast', label: 'Al vastgesteld', value: String(s.vastgesteld) },
        ]}
      />
      <FormFeedback state={actie} failureHeading="Niet vastgesteld" headingLevel={3} />
      {open === 0 ? (
        <Paragraph>Alle resultaten van dit examen zijn vastgesteld. Een wijziging is nu een correctie met een reden, op het formulier van de leerling.</Paragraph>
      ) : (
        <>
          <Paragraph>
            Hiermee stelt u de {open} open {open === 1 ? 'resultaat' : 'resultaten'} in één keer vast. Daarna liggen ze vast: elk resultaat krijgt een verificatiecode en
            verandert alleen nog met een correctie met een reden.
          </Paragraph>
          {ontbrekend.length > 0 ? (
            <UnorderedList aria-label="Wat nog ontbreekt">
              {ontbrekend.map((e) => (
                <ListItem key={e.path}>{e.message}</ListItem>
              ))}
            </UnorderedList>
          ) : null}
          <Button
            type="button"
            disabled={actie.busy}
            onClick={() =>
              void actie.run(async () => {
                const r = await beoordelingApi.vaststellen(lijst.examenId);
                onKlaar();
                return `${r.vastgesteld} ${r.vastgesteld === 1 ? 'resultaat is' : 'resultaten zijn'} vastgesteld.`;
              })
            }
          >
            Alle open resultaten vaststellen
          </Button>
        </>
      )}
    </section>
  );
}
