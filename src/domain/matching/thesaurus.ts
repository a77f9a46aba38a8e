/**
 * The domain thesaurus: groups of Dutch words that name the same field of work from the vmbo and the mbo side
 * ("tuin", "hovenier", "groenvoorziening"; "magazijn", "logistiek", "voorraad"). The groups live in a data file
 * (thesaurus.json) with tests; this module turns them into analysis terms (stems), as the catalogue's texts are
 * analysed. Pure.
 */
import { terms } from '../text/analyzer.js';
import THESAURUS from './thesaurus.json' with { type: 'json' };

export interface ThesaurusFile {
  $comment?: string;
  groepen: Array<{ onderwerp: string; woorden: string[] }>;
}

export interface ThesaurusGroup {
  onderwerp: string;
  terms: ReadonlySet<string>;
}

export class Thesaurus {
  readonly groups: ThesaurusGroup[];
  private readonly byTerm = new Map<string, number[]>();

  constructor(file: ThesaurusFile) {
    this.groups = file.groepen.map((g) => ({ onderwerp: g.onderwerp, terms: new Set(g.woorden.flatMap((w) => terms(w))) }));
    this.groups.forEach((g, i) => {
      for (const t of g.terms) {
        const list = this.byTerm.get(t);
        if (list) list.push(i);
        else this.byTerm.set(t, [i]);
      }
    });
  }

  static builtIn(): Thesaurus {
    return new Thesaurus(THESAURUS as ThesaurusFile);
  }

  /** The groups (indices into `groups`) an analysis term belongs to. */
  groupsOf(term: string): readonly number[] {
    return this.byTerm.get(term) ?? NONE;
  }

  /** Terms related to an analysis term through any of its groups (never the term itself). */
  related(term: string): Set<string> {
    const out = new Set<string>();
    for (const i of this.groupsOf(term)) for (const t of this.groups[i]!.terms) if (t !== term) out.add(t);
    return out;
  }
}

const NONE: readonly number[] = [];
