// The views a phone's first screen is checked on (issue 23): every tab and
// the reader, each at an address that shows data, with the selector of its
// heading and of its first row, bar or paragraph. Shared by
// phone.test.mjs (the checks) and scripts/phone-screens.mjs (the
// screenshots for a person to look at).

/** A phone's window: the first screen is this tall. */
export const PHONE = { width: 390, height: 844 };

/** A desktop's window, where nothing may change. */
export const DESKTOP = { width: 1280, height: 900 };

export const PHONE_VIEWS = [
  { name: 'start', query: '', heading: '.result-count', first: '.result' },
  { name: 'results', query: 'q=Afghanistan', heading: '.result-count', first: '.result' },
  { name: 'concordance', query: 'q=Afghanistan&view=concordance', heading: '.view-heading', first: 'tr.kwic-line' },
  { name: 'trends', query: 'q=terrorism&view=trends', heading: '.view-heading', first: 'svg.trend-chart' },
  { name: 'themes', query: 'view=themes', heading: '.view-heading', first: '.theme-grid tbody tr' },
  { name: 'compare', query: 'view=compare', heading: '.view-heading', first: 'table.keywords tbody tr' },
  { name: 'words', query: 'view=words', heading: '.view-heading', first: '.research-table tbody tr' },
  { name: 'ngrams', query: 'view=ngrams', heading: '.view-heading', first: '.research-table tbody tr' },
  { name: 'summary', query: 'view=summary', heading: '.view-heading', first: '.research-table tbody tr' },
  { name: 'collocates', query: 'q=terrorism&view=collocates', heading: '.view-heading', first: '.research-table tbody tr' },
  { name: 'dispersion', query: 'q=Afghanistan&view=dispersion', heading: '.view-heading', first: '.disp-row' },
  { name: 'reader', query: 'statements/2016-bordyuzha/', heading: '#reader-title', first: '.para' },
  { name: 'reader-hits', query: 'statements/2016-bordyuzha/?q=terrorism', heading: '#reader-title', first: '.para' },
];
