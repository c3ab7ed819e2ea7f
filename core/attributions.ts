/**
 * The third-party data the extension ships, with the attribution each licence asks for. The
 * first-run page and the options page show these; the wording of the dictionary's comes from its
 * README (../shared/data/dictionary/README.md) and must stay as it is there.
 */

export interface DataCredit {
  /** What the data is used for, for the reader. */
  readonly what: string;
  /** The attribution where space is short. */
  readonly short: string;
  /** The full attribution, for the about page. */
  readonly full: string;
  readonly licence: { readonly name: string; readonly url: string };
  readonly source: { readonly name: string; readonly url: string };
  /** The licence notice shipped beside the data, as a path inside the extension. */
  readonly notice?: string;
}

const UNICODE_LICENSE = { name: 'Unicode License v3', url: 'https://www.unicode.org/license.txt' } as const;

export const DICTIONARY_CREDIT: DataCredit = {
  what: 'Vietnamese–English dictionary',
  short: 'Dictionary data from Wiktionary, CC BY-SA 3.0',
  full:
    'Vietnamese–English dictionary data: Wiktionary contributors, English Wiktionary (https://en.wiktionary.org), ' +
    'extracted by kaikki.org/wiktextract and Vuizur/Wiktionary-Dictionaries; shortened and reformatted. ' +
    'Licensed under CC BY-SA 3.0 (https://creativecommons.org/licenses/by-sa/3.0/).',
  licence: { name: 'CC BY-SA 3.0', url: 'https://creativecommons.org/licenses/by-sa/3.0/' },
  source: { name: 'English Wiktionary', url: 'https://en.wiktionary.org' },
  notice: '/data/dictionary.LICENSE.txt',
};

export const CLDR_CREDIT: DataCredit = {
  what: 'Country and territory names',
  short: 'Country names from Unicode CLDR, Unicode License',
  full:
    'Vietnamese and English names of countries and territories from the Unicode Common Locale Data ' +
    'Repository (CLDR), © Unicode, Inc. Licensed under the Unicode License v3.',
  licence: UNICODE_LICENSE,
  source: { name: 'Unicode CLDR', url: 'https://cldr.unicode.org' },
};

export const UNIHAN_CREDIT: DataCredit = {
  what: 'Hán character glosses',
  short: 'Hán glosses from Unicode Unihan, Unicode License',
  full:
    'English glosses and Vietnamese readings of Hán characters from the Unicode Han Database (Unihan), ' +
    '© Unicode, Inc. Licensed under the Unicode License v3.',
  licence: UNICODE_LICENSE,
  source: { name: 'Unihan', url: 'https://www.unicode.org/charts/unihan.html' },
};

/** Every credit, in the order the pages list them. */
export const DATA_CREDITS: readonly DataCredit[] = [DICTIONARY_CREDIT, CLDR_CREDIT, UNIHAN_CREDIT];
