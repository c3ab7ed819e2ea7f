/**
 * The bundled article the first-run page offers to read at once: the one whose source facts are
 * the fullest (outlet, author, date and the sources it cites).
 */
export const FEATURED_ARTICLE_ID = 'ukraine-war-warms-russia-north-korea-ties';
