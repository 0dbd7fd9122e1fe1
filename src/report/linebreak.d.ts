/** The part of `linebreak` (Unicode line breaking, UAX #14; pdfkit's own dependency) used by the layout. */
declare module 'linebreak' {
  export default class LineBreaker {
    constructor(text: string);
    /** The next place a line may break (`position`: the index the next line starts at), or null at the end. */
    nextBreak(): { readonly position: number; readonly required: boolean } | null;
  }
}
