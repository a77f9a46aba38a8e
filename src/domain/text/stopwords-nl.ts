/**
 * Dutch stop words: the Snowball list for Dutch (function words only).
 * Domain-specific filler ("de kandidaat kan") is deliberately not here:
 * search keeps it (low weight through ranking); the matching engine decides
 * about domain stop words with its own data.
 */
export const DUTCH_STOP_WORDS: ReadonlySet<string> = new Set(
  `aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door dus een eens en er ge geen geweest
haar had heb hebben heeft hem het hier hij hoe hun iemand iets ik in is ja je kan kon kunnen maar me meer men met mij mijn
moet na naar niet niets nog nu of om omdat onder ons ook op over reeds te tegen toch toen tot u uit uw van veel voor want
waren was wat werd wezen wie wil worden wordt zal ze zelf zich zij zijn zo zonder zou`
    .split(/\s+/)
    .filter(Boolean),
);
