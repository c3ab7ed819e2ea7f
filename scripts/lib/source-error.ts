/** Problems in the human-edited and third-party data sources, which fail the build. */

/** A problem in a source file. */
export interface SourceProblem {
  readonly file: string;
  readonly path: string;
  readonly message: string;
}

export class SourceError extends Error {
  override name = 'SourceError';
  constructor(readonly problems: SourceProblem[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in the data sources:\n${formatProblems(problems)}`,
    );
  }
}

export function formatProblems(problems: readonly SourceProblem[]): string {
  return problems.map((p) => `  ${p.file}: ${p.path ? `${p.path}: ` : ''}${p.message}`).join('\n');
}
